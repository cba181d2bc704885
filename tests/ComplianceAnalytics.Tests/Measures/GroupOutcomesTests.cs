using ComplianceAnalytics.Measures;

namespace ComplianceAnalytics.Tests.Measures;

/// <summary>
/// Outcomes by group on hand-worked cases closed in June 2026. Consumers: 20 closed after 10 days,
/// 8 upheld and 4 upheld in part (60%), 8 with 10.00 redress. Small businesses: 10 closed after 10
/// days and 10 after 86 (median 48, half within 8 weeks), 4 upheld (20%), one of them only on
/// escalation. One business complaint still open. So consumers' uphold rate is 40 points above the
/// rest's, and small businesses wait 38 days longer and are 50 points less often closed in 8 weeks.
/// </summary>
public sealed class GroupOutcomesTests : IDisposable
{
    private const string Policy = """
        org: acme
        name: Acme Bank
        time_zone: Europe/London
        stages:
          - id: acknowledgement
            start: [complaint_received]
            stop: [acknowledged]
            limit: 2 business_days
        """;

    private readonly QueryScenario _scenario = new(("acme.yaml", Policy));

    public GroupOutcomesTests()
    {
        var lines = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var outcome = i < 8 ? "upheld" : i < 12 ? "partially_upheld" : "not_upheld";
            Case(lines, $"C{i:00}", "consumer", "2026-06-01", "2026-06-11", outcome, i < 8 ? "10.00" : "");
        }

        for (var i = 0; i < 20; i++)
        {
            Case(lines, $"S{i:00}", "small_business", i < 10 ? "2026-06-01" : "2026-04-01", i < 10 ? "2026-06-11" : "2026-06-26", i is > 0 and < 4 ? "upheld" : "not_upheld", "");
        }

        // S00 was not upheld at first; upheld on escalation, its latest outcome.
        lines.Add("S00,escalation_response_issued,2026-06-05T09:00:00Z,,upheld,");
        lines.Add("B00,complaint_received,2026-06-03T09:00:00Z,business,,");
        // Closed in May and reopened in June: not closed at the end of June.
        lines.Add("R00,complaint_received,2026-05-04T09:00:00Z,consumer,,");
        lines.Add("R00,closed,2026-05-10T09:00:00Z,,,");
        lines.Add("R00,reopened,2026-06-02T09:00:00Z,,,");
        _scenario.Load("acme", "case_ref,event_type,occurred_at,customer_type,outcome,redress_amount", lines);
    }

    public void Dispose() => _scenario.Dispose();

    [Fact]
    public void Each_group_has_its_outcomes_with_their_counts()
    {
        var june = Rows("2026-06");

        // complaints, closed, decided, upheld, uphold_rate, median_days_to_close, within_8_weeks, share, redress_cases, redress_total
        Assert.Equal([20L, 20L, 20L, 12L, 0.6, 10.0, 20L, 1.0, 8L, 80.00m], Figures(june[("consumer", "2026-06")]));
        Assert.Equal([10L, 20L, 20L, 4L, 0.2, 48.0, 10L, 0.5, 0L, 0m], Figures(june[("small_business", "2026-06")]));
        Assert.Equal([1L, 0L, 0L, 0L, null, null, 0L, null, 0L, 0m], Figures(june[("business", "2026-06")]));
        // Over the twelve months the reopened case counts as received (in May), not as closed.
        Assert.Equal(21L, june[("consumer", "12 months")][5]);
        Assert.Equal(20L, june[("consumer", "12 months")][6]);
    }

    [Fact]
    public void A_group_worse_than_the_rest_by_more_than_the_margin_is_flagged_with_the_measure_and_the_gap()
    {
        var june = Rows("2026-06");

        Assert.Equal("uphold rate 40.0 points higher than the rest", june[("consumer", "2026-06")][^1]);
        Assert.Equal(
            "median days to close 38.0 days longer than the rest; closed within 8 weeks 50.0 points lower than the rest",
            june[("small_business", "2026-06")][^1]);
        Assert.Equal("", june[("business", "2026-06")][^1]); // nothing closed: too few to compare
    }

    [Fact]
    public void No_flag_without_enough_closed_cases_on_both_sides_or_over_a_wider_margin()
    {
        _scenario.Margins = new GroupOutcomeMargins(MinClosedCases: 21);
        Assert.All(Rows("2026-06").Values, r => Assert.Equal("", r[^1]));

        _scenario.Margins = new GroupOutcomeMargins(UpholdRate: 0.40, MedianDaysToClose: 38, WithinEightWeeks: 0.5);
        Assert.All(Rows("2026-06").Values, r => Assert.Equal("", r[^1]));
    }

    private static object?[] Figures(object?[] row) => row[5..15];

    private Dictionary<(string Group, string Period), object?[]> Rows(string month) =>
        _scenario.Rows("director_group_outcomes", month).ToDictionary(r => ((string)r[3]!, (string)r[4]!));

    /// <summary>A case received and closed at 09:00 UTC on the days given, with one response.</summary>
    private static void Case(List<string> lines, string id, string customerType, string received, string closed, string outcome, string redress)
    {
        lines.Add($"{id},complaint_received,{received}T09:00:00Z,{customerType},,");
        lines.Add($"{id},response_issued,{received}T12:00:00Z,,{outcome},{redress}");
        lines.Add($"{id},closed,{closed}T09:00:00Z,,,");
    }
}
