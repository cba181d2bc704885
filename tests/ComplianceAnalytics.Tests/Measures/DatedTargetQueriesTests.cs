namespace ComplianceAnalytics.Tests.Measures;

/// <summary>A month is judged against the stage's target in force on its first local day (queries/_judge.sql, stage_target()).</summary>
public sealed class DatedTargetQueriesTests : IDisposable
{
    private const string Acme = """
        org: acme
        name: Acme
        time_zone: Europe/London
        stages:
          - id: ack
            start: [complaint_received]
            stop: [acknowledged]
            limit: 2 business_days
            target:
              - target: 95%
              - from: 2026-04-08
                target: 50%
        """;

    private readonly QueryScenario _scenario = new(("acme.yaml", Acme));

    public DatedTargetQueriesTests()
    {
        // Each month six acknowledgements, four in time and two late: 66.7 %.
        var lines = new List<string>();
        foreach (var (month, day) in new[] { ("03", 2), ("04", 13), ("05", 12) })
        {
            for (var i = 0; i < 6; i++)
            {
                var late = i >= 4;
                lines.Add($"{month}-{i},complaint_received,2026-{month}-{day:00}T09:00:00Z");
                lines.Add($"{month}-{i},acknowledged,2026-{month}-{day + (late ? 8 : 1):00}T09:00:00Z");
            }
        }

        _scenario.Load("acme", "case_ref,event_type,occurred_at", lines);
    }

    public void Dispose() => _scenario.Dispose();

    private static object? Cell(ComplianceAnalytics.Measures.QueryTable table, string column) =>
        Assert.Single(table.Rows)[table.Columns.ToList().IndexOf(column)];

    [Fact]
    public void April_is_judged_by_the_95_percent_in_force_on_1_April_and_May_by_the_50_percent_from_8_April()
    {
        var march = _scenario.Table("compliance_summary", "2026-03");
        var april = _scenario.Table("compliance_summary", "2026-04");
        var may = _scenario.Table("compliance_summary", "2026-05");

        Assert.Equal(0.95, Convert.ToDouble(Cell(march, "target"), System.Globalization.CultureInfo.InvariantCulture), 6);
        Assert.Equal("Red", Cell(march, "rag"));
        Assert.Equal(0.95, Convert.ToDouble(Cell(april, "target"), System.Globalization.CultureInfo.InvariantCulture), 6);
        Assert.Equal("Red", Cell(april, "rag"));
        Assert.Equal(0.50, Convert.ToDouble(Cell(may, "target"), System.Globalization.CultureInfo.InvariantCulture), 6);
        Assert.Equal("Green", Cell(may, "rag"));
    }

    [Fact]
    public void The_heatmap_judges_each_month_by_its_own_target()
    {
        var heatmap = _scenario.Table("director_heatmap", "2026-05");

        Assert.Equal("Red", Cell(heatmap, "2026-03 rag"));
        Assert.Equal("Red", Cell(heatmap, "2026-04 rag"));
        Assert.Equal("Green", Cell(heatmap, "2026-05 rag"));
    }

    [Fact]
    public void The_board_pictures_target_line_follows_each_months_target()
    {
        var table = _scenario.Table("director_control_chart", "2026-05");

        var (_, _, points) = Assert.Single(ComplianceAnalytics.Publishing.BoardPicture.ByOrganisation(table));
        var byMonth = points.ToDictionary(p => p.Month, p => p.Target);
        Assert.Equal(0.95, byMonth["2026-03"], 6);
        Assert.Equal(0.95, byMonth["2026-04"], 6);
        Assert.Equal(0.50, byMonth["2026-05"], 6);
        Assert.Equal(0.95, byMonth["2025-06"], 6); // before the data, the target in force then
    }
}
