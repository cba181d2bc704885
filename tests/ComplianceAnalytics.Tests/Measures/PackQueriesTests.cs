namespace ComplianceAnalytics.Tests.Measures;

/// <summary>
/// The pack queries on small, hand-worked cases: business days late in the breach register, the
/// team that held a breached stage, the p-chart's centre line and limits, recurring failures over
/// six months, and repeat complainants by pseudonym. One organisation in Europe/London whose
/// acknowledgement is due within 2 business days (June 2026 has no bank holiday).
/// </summary>
public sealed class PackQueriesTests : IDisposable
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

    public void Dispose() => _scenario.Dispose();

    [Fact]
    public void The_breach_register_counts_working_days_after_the_due_date_and_names_the_team_that_held_the_stage()
    {
        Load(
            // Received Friday 5 June: due end of Tuesday 9 June; acknowledged Thursday 11 June: 2 working days late.
            "R1,complaint_received,2026-06-05T09:00:00Z,Intake,billing,",
            "R1,acknowledged,2026-06-11T09:00:00Z,Second line,,",
            "R1,response_issued,2026-06-20T09:00:00Z,Third line,,",
            // Received Monday 8 June: due end of Wednesday 10 June; acknowledged 23:30Z, which is 00:30 BST on Thursday: 1 day late.
            "R2,complaint_received,2026-06-08T09:00:00Z,Intake,service,",
            "R2,acknowledged,2026-06-10T23:30:00Z,,,",
            // Received Thursday 25 June: due end of Monday 29 June; open at the as-of (1 July 00:00 BST): late by Tuesday 30 June.
            "R3,complaint_received,2026-06-25T09:00:00Z,Intake,billing,",
            // Met: not in the register.
            "R4,complaint_received,2026-06-01T09:00:00Z,Intake,billing,",
            "R4,acknowledged,2026-06-02T09:00:00Z,,,",
            // Data up to the month's last day, so the month is covered and R3 is late as far as the data shows.
            "R5,complaint_received,2026-06-30T09:00:00Z,Intake,billing,");

        var rows = Rows("compliance_breach_register", "2026-06").Select(r => (Case: r[2], Status: r[5], Late: r[9], Team: r[11], Category: r[12])).ToList();

        Assert.Equal(
            [("R1", "breached", 2L, "Second line", "billing"), ("R2", "breached", 1L, "Intake", "service"), ("R3", "open_breached", 1L, "Intake", "billing")],
            rows.Select(r => ((string)r.Case!, (string)r.Status!, (long)r.Late!, (string)r.Team!, (string)r.Category!)));
    }

    [Fact]
    public void The_p_chart_pools_the_breach_rate_over_twelve_months_and_flags_a_month_outside_its_limits()
    {
        // Eleven months (Jul 2025 - May 2026) with 10 acknowledgements each, one of them late; June with 10, all late.
        var lines = new List<string>();
        for (var m = 0; m < 12; m++)
        {
            var month = new DateOnly(2025, 7, 1).AddMonths(m);
            for (var i = 0; i < 10; i++)
            {
                var received = month.AddDays(1);
                var late = m == 11 || i == 0;
                var acknowledged = received.AddDays(late ? 10 : 0);
                var id = $"P{m:00}{i}";
                lines.Add($"{id},complaint_received,{received:yyyy-MM-dd}T09:00:00Z,,,");
                lines.Add($"{id},acknowledged,{acknowledged:yyyy-MM-dd}T10:00:00Z,,,");
            }
        }

        Load([.. lines]);
        var rows = Rows("director_control_chart", "2026-06");

        Assert.Equal(12, rows.Count);
        var pBar = 21.0 / 120;
        var june = rows[^1];
        Assert.Equal("2026-06", june[3]);
        Assert.Equal(10L, june[4]);
        Assert.Equal(1.0, (double)june[6]!, 9);
        Assert.Equal(pBar, (double)june[7]!, 9);
        Assert.Equal(pBar + (3 * Math.Sqrt(pBar * (1 - pBar) / 10)), (double)june[8]!, 9);
        Assert.Equal(0.0, (double)june[9]!, 9); // p̄ - 3σ is below zero: cut at 0
        Assert.Equal("above upper limit", june[10]);
        Assert.All(rows.Take(11), r => Assert.Equal("", r[10]));
    }

    [Fact]
    public void A_combination_breaching_in_three_of_the_last_six_months_is_a_recurring_failure_and_two_months_are_not()
    {
        Load(
            "F1,complaint_received,2026-02-02T09:00:00Z,Desk,billing,",
            "F1,acknowledged,2026-02-12T09:00:00Z,,,",
            "F2,complaint_received,2026-04-01T09:00:00Z,Desk,billing,",
            "F2,acknowledged,2026-04-14T09:00:00Z,,,",
            "F3,complaint_received,2026-06-01T09:00:00Z,Desk,billing,",
            "F3,acknowledged,2026-06-10T09:00:00Z,,,",
            "F4,complaint_received,2026-06-02T09:00:00Z,Desk,billing,",
            "F4,acknowledged,2026-06-03T09:00:00Z,,,",
            "G1,complaint_received,2026-05-04T09:00:00Z,Other,billing,",
            "G1,acknowledged,2026-05-14T09:00:00Z,,,",
            "G2,complaint_received,2026-06-01T09:00:00Z,Other,billing,",
            "G2,acknowledged,2026-06-10T09:00:00Z,,,");

        var row = Assert.Single(Rows("director_recurring", "2026-06"));

        // rank, org_name, org, stage, team, category, months_with_breaches, breached, stopped, attainment, last_breach_month,
        // main root cause and product (none given)
        Assert.Equal([1L, "Acme Bank", "acme", "acknowledgement", "Desk", "billing", 3L, 3L, 4L, 0.25, "2026-06", "", ""], row);
        // Seven months back (November) is outside the six: the same breaches from there would not count.
        Assert.Empty(Rows("director_recurring", "2026-10"));
    }

    [Fact]
    public void Repeat_complainants_are_counted_by_pseudonym_and_never_shown_by_contact_details()
    {
        Load(
            "C1,complaint_received,2026-02-02T09:00:00Z,,,ann@example.com",
            "C2,complaint_received,2026-05-02T09:00:00Z,,,ANN@example.com",
            "C3,complaint_received,2026-06-02T09:00:00Z,,,bob@example.com",
            "C4,complaint_received,2026-06-03T09:00:00Z,,,");

        var summary = Assert.Single(Rows("director_repeat_complainants", "2026-06"));
        var customer = Assert.Single(Rows("director_repeat_customers", "2026-06"));

        // org_name, org, complaints, without_customer_key, customers, repeat_customers, complaints_from_repeat, repeat_share
        Assert.Equal(["Acme Bank", "acme", 4L, 1L, 2L, 1L, 2L, 0.5], summary);
        var pseudonym = (string)customer[2]!;
        Assert.Matches("^[0-9a-f]{12}$", pseudonym);
        Assert.Equal(2L, customer[3]);
        Assert.DoesNotContain(customer, v => v is string s && s.Contains("ann", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Lines of case_ref, event_type, occurred_at, team, category, customer_email.</summary>
    private void Load(params string[] lines) => _scenario.Load("acme", "case_ref,event_type,occurred_at,team,category,customer_email", lines);

    private List<object?[]> Rows(string query, string month) => _scenario.Rows(query, month);
}
