using ComplianceAnalytics.Actions;
using NodaTime;

namespace ComplianceAnalytics.Tests.Measures;

/// <summary>
/// The director pack's Actions sheet and chart markers on hand-worked counts: a team's breach rate
/// of 30/100 in the months before an action and 15/100 after gives z = -2.5400 and a two-sided
/// p-value of 0.0111 (pooled p = 0.225, se = sqrt(0.225 x 0.775 x (1/100 + 1/100)) = 0.059055);
/// each verdict. One organisation in Europe/London, acknowledgement due in 2 business days.
/// </summary>
public sealed class ActionQueriesTests : IDisposable
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
    private int _cases;

    public ActionQueriesTests()
    {
        // Desk: 30 of 100 late in January, 15 of 100 late in May. Other: 0 of 10 late in January, 10 of 10 in May.
        // Third: 3 of 10 in January, 2 of 10 in May. March, the month of the actions, has 10 late for Desk: in neither window.
        var lines = new List<string>();
        Cases(lines, "Desk", new LocalDate(2026, 1, 5), 100, 30);
        Cases(lines, "Desk", new LocalDate(2026, 5, 5), 100, 15);
        Cases(lines, "Desk", new LocalDate(2026, 3, 2), 10, 10);
        Cases(lines, "Other", new LocalDate(2026, 1, 5), 10, 0);
        Cases(lines, "Other", new LocalDate(2026, 5, 5), 10, 10);
        Cases(lines, "Third", new LocalDate(2026, 1, 5), 10, 3);
        Cases(lines, "Third", new LocalDate(2026, 5, 5), 10, 2);
        _scenario.Load("acme", "case_ref,event_type,occurred_at,team", lines);
        _scenario.Actions = new ActionSet(
            [
                Action("A-improved", new LocalDate(2026, 3, 10), "Desk"),
                Action("A-worse", new LocalDate(2026, 3, 10), "Other"),
                Action("A-same", new LocalDate(2026, 3, 10), "Third"),
                Action("A-empty", new LocalDate(2026, 3, 10), "Nobody"),
                Action("A-early", new LocalDate(2026, 4, 20), "Desk"),
                Action("A-later", new LocalDate(2026, 7, 1), "Desk"),
            ],
            []);
    }

    public void Dispose() => _scenario.Dispose();

    [Fact]
    public void Thirty_in_a_hundred_before_and_fifteen_after_is_an_improvement_with_p_0_0111()
    {
        var row = Sheet("2026-06")["A-improved"];

        Assert.Equal(3L, row["full_months_after"]);
        Assert.Equal((100L, 30L, 0.30), (row["before_3_n"], row["before_3_b"], row["before_3_rate"]));
        Assert.Equal((100L, 15L, 0.15), (row["after_3_n"], row["after_3_b"], row["after_3_rate"]));
        Assert.Null(row["after_6_n"]); // six months after March have not all ended by June
        Assert.Equal(3L, row["test_months"]);
        Assert.Equal(-2.5400, (double)row["z"]!, 4);
        Assert.Equal(0.0111, (double)row["p_value"]!, 4);
        Assert.Equal("improved", row["verdict"]);
    }

    [Fact]
    public void Each_verdict()
    {
        var sheet = Sheet("2026-06");

        Assert.Equal("worse", sheet["A-worse"]["verdict"]);
        Assert.Equal(4.4721, (double)sheet["A-worse"]["z"]!, 4); // 0 of 10 against 10 of 10: pooled 0.5, se 0.2236
        Assert.Equal("no change", sheet["A-same"]["verdict"]);
        Assert.True((double)sheet["A-same"]["p_value"]! > 0.05);
        Assert.Equal("no data", sheet["A-empty"]["verdict"]);
        Assert.Equal("too early", sheet["A-early"]["verdict"]); // April: only May and June have ended after it
        Assert.Equal(2L, sheet["A-early"]["full_months_after"]);
        Assert.Null(sheet["A-early"]["p_value"]);
        Assert.False(sheet.ContainsKey("A-later")); // dated after the report month
    }

    [Fact]
    public void Six_months_after_the_test_uses_the_six_month_windows()
    {
        var row = Sheet("2026-09")["A-improved"];

        Assert.Equal(6L, row["test_months"]);
        // Before: September to February (January's 100); after: April to September (May's 100).
        Assert.Equal((100L, 30L, 100L, 15L), (row["before_6_n"], row["before_6_b"], row["after_6_n"], row["after_6_b"]));
        Assert.Equal("improved", row["verdict"]);
    }

    [Fact]
    public void An_action_marks_its_month_on_the_control_chart_of_its_stage()
    {
        var rows = _scenario.Rows("director_control_chart", "2026-06");

        var march = Assert.Single(rows, r => (string)r[3]! == "2026-03");
        Assert.Equal(1.0, Convert.ToDouble(march[12], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("A-empty, A-improved, A-same, A-worse", march[13]);
        var april = Assert.Single(rows, r => (string)r[3]! == "2026-04");
        Assert.Equal("A-early", april[13]);
        Assert.All(rows.Where(r => (string)r[3]! is not ("2026-03" or "2026-04")), r => Assert.Null(r[12]));
    }

    private static ImprovementAction Action(string id, LocalDate date, string team) =>
        new(id, "acme", date, new ActionScope("acknowledgement", team, null, null, null), "test", "owner", id + ".yaml");

    /// <summary>Each action's row by column name.</summary>
    private Dictionary<string, Dictionary<string, object?>> Sheet(string month)
    {
        var table = _scenario.Table("director_actions", month);
        return table.Rows.ToDictionary(r => (string)r[2]!, r => table.Columns.Select((c, i) => (c, r[i])).ToDictionary(p => p.c, p => p.Item2));
    }

    /// <summary>
    /// <paramref name="count"/> cases of <paramref name="team"/> received at 09:00 UTC on <paramref name="day"/> (a Monday or
    /// Tuesday), the first <paramref name="late"/> acknowledged ten days later (late), the rest an hour later.
    /// </summary>
    private void Cases(List<string> lines, string team, LocalDate day, int count, int late)
    {
        for (var i = 0; i < count; i++)
        {
            var id = $"C{_cases++:0000}";
            var acknowledged = i < late ? day.PlusDays(10) : day;
            lines.Add($"{id},complaint_received,{day:yyyy-MM-dd}T09:00:00Z,{team}");
            lines.Add($"{id},acknowledged,{acknowledged:yyyy-MM-dd}T10:00:00Z,{team}");
        }
    }
}
