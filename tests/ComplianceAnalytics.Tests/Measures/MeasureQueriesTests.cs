using NodaTime;

namespace ComplianceAnalytics.Tests.Measures;

/// <summary>
/// Contract §5 through the real queries: months in the organisation's zone, closed instances in
/// the month of their stop, backlog at the first instant of the next month, durations with
/// linear quantiles, ADR letters in the month of their due time, customer windows in the month of
/// the request. One organisation in Europe/London, where 2026 months start at 00:00 GMT or
/// 23:00Z the day before in BST.
/// </summary>
public sealed class MeasureQueriesTests : IDisposable
{
    private const string Policy = """
        org: acme
        name: Acme
        time_zone: Europe/London
        stages:
          - id: acknowledgement
            start: [complaint_received]
            stop: [acknowledged]
            limit: 2 days
          - id: escalation
            start: [escalation_requested]
            stop: [escalation_response_issued]
            limit: 14 days
        adr:
          eligible_after: 8 weeks
        customer_windows:
          - id: escalation_window
            from: [response_issued]
            to: [escalation_requested]
            limit: 28 days
        """;

    /// <summary>A review stage that also starts and stops at other events than the contract's escalation.</summary>
    private const string ReviewPolicy = """
        org: bolt
        name: Bolt
        time_zone: Europe/London
        stages:
          - id: review
            start: [escalation_requested, reopened]
            stop: [escalation_response_issued, closed]
            limit: 10 business_days
        """;

    private readonly QueryScenario _scenario = new(("acme.yaml", Policy), ("bolt.yaml", ReviewPolicy));

    public void Dispose() => _scenario.Dispose();

    [Fact]
    public void A_stop_at_half_past_midnight_BST_on_the_first_of_April_counts_in_April()
    {
        Load(
            "A1,complaint_received,2026-03-30T10:00:00Z",
            "A1,acknowledged,2026-03-31T23:30:00Z");
        // At March's as-of (1 April 00:00 BST = 31 March 23:00Z) the instance is still open.
        var march = Assert.Single(Rows("attainment", "2026-03"));
        Assert.Equal(["acme", "acknowledgement", "2026-03", 0L, 0L, 0L, 1L, 0L, null], march);
        var april = Assert.Single(Rows("attainment", "2026-04"));
        Assert.Equal(["acme", "acknowledgement", "2026-04", 1L, 0L, 0L, 0L, 0L, 1.0], april);
    }

    [Fact]
    public void Backlog_is_taken_at_the_first_instant_of_the_next_month_and_attainment_is_empty_when_nothing_closed()
    {
        Load(
            "B1,complaint_received,2026-03-31T09:00:00Z", // due 2 Apr: open within at 1 Apr 00:00 BST
            "B2,complaint_received,2026-03-20T09:00:00Z", // due 22 Mar: open breached
            "B1,acknowledged,2026-04-01T10:00:00Z",
            "B2,acknowledged,2026-04-02T10:00:00Z");
        var march = Assert.Single(Rows("attainment", "2026-03"));
        Assert.Equal(["acme", "acknowledgement", "2026-03", 0L, 0L, 0L, 1L, 1L, null], march);
        var april = Assert.Single(Rows("attainment", "2026-04"));
        Assert.Equal(["acme", "acknowledgement", "2026-04", 1L, 0L, 1L, 0L, 0L, 0.5], april);
    }

    [Fact]
    public void Events_at_the_first_instant_of_the_next_month_belong_to_it_and_not_to_the_backlog_before_it()
    {
        Load(
            "X1,complaint_received,2026-03-27T10:00:00Z", // due end of 29 March
            "X1,acknowledged,2026-03-31T23:00:00Z", // 1 April 00:00 BST: still open, past its limit, in March's backlog
            "X2,complaint_received,2026-03-31T23:00:00Z"); // received in April: not in March's backlog
        var march = Assert.Single(Rows("attainment", "2026-03"));
        Assert.Equal(["acme", "acknowledgement", "2026-03", 0L, 0L, 0L, 0L, 1L, null], march);
        var april = Assert.Single(Rows("attainment", "2026-04"));
        Assert.Equal(["acme", "acknowledgement", "2026-04", 0L, 0L, 1L, 0L, 1L, 0.0], april);
    }

    [Fact]
    public void Escalation_durations_use_linear_quantiles_in_the_month_of_their_end()
    {
        Load(
            "E1,escalation_requested,2026-05-01T00:00:00Z",
            "E1,escalation_response_issued,2026-05-02T00:00:00Z", // 1 day
            "E2,escalation_requested,2026-05-01T00:00:00Z",
            "E2,escalation_response_issued,2026-05-03T00:00:00Z", // 2 days
            "E3,escalation_requested,2026-05-01T00:00:00Z",
            "E3,escalation_response_issued,2026-05-05T12:00:00Z", // 4.5 days
            "E4,escalation_requested,2026-05-25T00:00:00Z",
            "E4,escalation_response_issued,2026-06-01T00:00:00Z"); // 7 days, ends in June (BST)
        var may = Duration("acme", "escalation_response", "2026-05");
        Assert.Equal(3L, may[3]);
        Assert.Equal(2.5, (double)may[4]!, 9);
        Assert.Equal(2.0, (double)may[5]!, 9);
        Assert.Equal(4.0, (double)may[6]!, 9); // 2 + 0.8 * (4.5 - 2)
        Assert.Equal(4.5, (double)may[7]!, 9);
        var june = Duration("acme", "escalation_response", "2026-06");
        Assert.Equal(1L, june[3]);
        Assert.Equal(7.0, (double)june[7]!, 9);
    }

    [Fact]
    public void Adr_letters_count_in_the_month_the_eligibility_due_time_falls()
    {
        Load(
            "L1,complaint_received,2026-03-02T10:00:00Z", // due end of 27 Apr: nothing by then: needed and missing
            "L2,complaint_received,2026-03-03T10:00:00Z", // deadlock letter in time: needed, not missing
            "L2,deadlock_letter_issued,2026-04-20T10:00:00Z",
            "L3,complaint_received,2026-03-04T10:00:00Z", // answered: not needed
            "L3,response_issued,2026-03-10T10:00:00Z",
            "L4,complaint_received,2026-03-31T23:30:00Z"); // 1 Apr 00:30 BST: due end of 27 May
        var april = Assert.Single(Rows("adr_letters", "2026-04"));
        Assert.Equal(["acme", "2026-04", 2L, 1L], april);
        var may = Assert.Single(Rows("adr_letters", "2026-05"));
        Assert.Equal(["acme", "2026-05", 1L, 1L], may);
    }

    [Fact]
    public void A_late_escalation_request_counts_in_the_month_of_the_request()
    {
        Load(
            "W1,response_issued,2026-04-01T10:00:00Z",
            "W1,escalation_requested,2026-05-05T10:00:00Z", // after 29 Apr: late
            "W2,response_issued,2026-04-20T10:00:00Z",
            "W2,escalation_requested,2026-05-06T10:00:00Z"); // within 28 days
        var may = Rows("customer_windows", "2026-05");
        Assert.Equal(["acme", "escalation_window", "2026-05", 2L, 1L], Assert.Single(may));
        Assert.Empty(Rows("customer_windows", "2026-04"));
    }

    [Fact]
    public void Escalation_response_is_measured_from_escalation_requested_to_escalation_response_issued_whatever_the_policy_stages()
    {
        LoadFor(
            "bolt",
            "R1,reopened,2026-05-01T09:00:00Z", // opens the policy's review stage, not the escalation
            "R1,escalation_requested,2026-05-04T09:00:00Z",
            "R1,closed,2026-05-05T09:00:00Z", // stops the review stage, not the escalation
            "R1,escalation_response_issued,2026-05-06T21:00:00Z", // 2.5 days
            "R2,escalation_requested,2026-05-10T00:00:00Z",
            "R2,escalation_response_issued,2026-05-10T00:00:00Z"); // 0 days: the start applies first
        var may = Duration("bolt", "escalation_response", "2026-05");
        Assert.Equal(["bolt", "escalation_response", "2026-05", 2L], may[..4]);
        Assert.Equal(1.25, (double)may[4]!, 9);
        Assert.Equal(1.25, (double)may[5]!, 9);
        Assert.Equal(2.25, (double)may[6]!, 9); // 0 + 0.9 * 2.5
        Assert.Equal(2.5, (double)may[7]!, 9);
    }

    [Fact]
    public void Every_organisation_has_a_row_for_each_duration_measure_every_month_with_empty_statistics_when_none()
    {
        Load(
            "D1,complaint_received,2026-05-01T09:00:00Z",
            "D1,deadlock_letter_issued,2026-05-11T09:00:00Z", // time_to_deadlock 10 days, in May
            "D1,adr_referred,2026-05-11T09:00:00Z"); // at the same instant: "after" is at or after, 0 days

        Assert.Equal(
            [
                ["acme", "escalation_response", "2026-05", 0L, null, null, null, null],
                ["acme", "time_to_deadlock", "2026-05", 1L, 10.0, 10.0, 10.0, 10.0],
                ["acme", "deadlock_to_adr", "2026-05", 1L, 0.0, 0.0, 0.0, 0.0],
                ["acme", "adr_duration", "2026-05", 0L, null, null, null, null],
                ["bolt", "escalation_response", "2026-05", 0L, null, null, null, null],
                ["bolt", "time_to_deadlock", "2026-05", 0L, null, null, null, null],
                ["bolt", "deadlock_to_adr", "2026-05", 0L, null, null, null, null],
                ["bolt", "adr_duration", "2026-05", 0L, null, null, null, null],
            ],
            Rows("durations", "2026-05"));
        Assert.Equal(8, Rows("durations", "2025-01").Count);
    }

    [Fact]
    public void A_to_event_without_a_from_event_strictly_before_it_is_no_request_of_the_window()
    {
        Load(
            "N1,escalation_requested,2026-05-05T10:00:00Z", // no response before it: no window
            "N2,response_issued,2026-05-06T10:00:00Z",
            "N2,escalation_requested,2026-05-06T10:00:00Z", // at the same instant: not strictly before
            "N3,response_issued,2026-04-01T10:00:00Z",
            "N3,escalation_requested,2026-05-07T10:00:00Z"); // a window, and late
        Assert.Equal([["acme", "escalation_window", "2026-05", 1L, 1L]], Rows("customer_windows", "2026-05"));
    }

    private object?[] Duration(string org, string measure, string month) =>
        Rows("durations", month).Single(r => (string)r[0]! == org && (string)r[1]! == measure);

    private void Load(params string[] lines) => LoadFor("acme", lines);

    private void LoadFor(string org, params string[] lines) => _scenario.Load(org, "case_ref,event_type,occurred_at", lines);

    private List<object?[]> Rows(string query, string month) => _scenario.Rows(query, month);
}
