namespace ComplianceAnalytics.Tests.Measures;

/// <summary>
/// Outcomes by vulnerability on hand-worked cases, all received on 1 June 2026 and closed on 11 June.
/// Vulnerable from the start: V00-V18 (19 cases), 11 upheld; V18 is later said not vulnerable and
/// stays vulnerable (any event saying true). V19 is upheld and closed in June, but the firm flags it
/// vulnerable only on 2 July. Not vulnerable: N00-N19 (20 cases), 4 upheld.
/// So the June pack has 19 vulnerable (11 upheld) against 21 (5 upheld): too few to flag at the
/// default 20 closed. The July pack, reading the events up to its own as-of, counts V19 as vulnerable
/// in June: 20 (12 upheld, 60%) against 20 (4 upheld, 20%): 40 points higher, flagged.
/// </summary>
public sealed class VulnerableOutcomesTests : IDisposable
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

    public VulnerableOutcomesTests()
    {
        var lines = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            Case(lines, $"V{i:00}", i < 19 ? "true" : "", i is < 11 or 19 ? "upheld" : "not_upheld");
            Case(lines, $"N{i:00}", i % 2 == 0 ? "false" : "", i < 4 ? "upheld" : "not_upheld");
        }

        lines.Add("V18,customer_accepted,2026-06-20T09:00:00Z,FALSE,");
        lines.Add("V19,customer_accepted,2026-07-02T09:00:00Z,True,");
        _scenario.Load("acme", "case_ref,event_type,occurred_at,vulnerable,outcome", lines);
    }

    public void Dispose() => _scenario.Dispose();

    [Fact]
    public void A_flag_given_after_the_month_is_not_yet_counted_in_its_pack()
    {
        var june = Rows("2026-06");

        // complaints, closed, decided, upheld, uphold rate
        Assert.Equal([19L, 19L, 19L, 11L, 11.0 / 19], june[("vulnerable", "2026-06")][5..10]);
        Assert.Equal([21L, 21L, 21L, 5L, 5.0 / 21], june[("not vulnerable", "2026-06")][5..10]);
        Assert.Equal("", june[("vulnerable", "2026-06")][^1]); // 19 closed: fewer than 20
    }

    [Fact]
    public void A_case_whose_vulnerable_flag_arrives_late_counts_as_vulnerable_and_the_gap_is_flagged()
    {
        var july = Rows("2026-07");

        Assert.Equal([20L, 20L, 20L, 12L, 0.6], july[("vulnerable", "2026-06")][5..10]);
        Assert.Equal([20L, 20L, 20L, 4L, 0.2], july[("not vulnerable", "2026-06")][5..10]);
        Assert.Equal("uphold rate 40.0 points higher than the rest", july[("vulnerable", "2026-06")][^1]);
        Assert.Equal("uphold rate 40.0 points higher than the rest", july[("vulnerable", "12 months")][^1]);
        Assert.Equal("vulnerability", july[("vulnerable", "2026-06")][2]);
    }

    private Dictionary<(string Group, string Period), object?[]> Rows(string month) =>
        _scenario.Rows("director_group_outcomes", month)
            .Where(r => (string)r[2]! == "vulnerability")
            .ToDictionary(r => ((string)r[3]!, (string)r[4]!));

    /// <summary>A case received on 1 June 09:00 UTC, answered at 12:00 and closed on 11 June.</summary>
    private static void Case(List<string> lines, string id, string vulnerable, string outcome)
    {
        lines.Add($"{id},complaint_received,2026-06-01T09:00:00Z,{vulnerable},");
        lines.Add($"{id},response_issued,2026-06-01T12:00:00Z,,{outcome}");
        lines.Add($"{id},closed,2026-06-11T09:00:00Z,,");
    }
}
