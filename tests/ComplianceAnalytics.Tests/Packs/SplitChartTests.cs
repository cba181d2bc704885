using ComplianceAnalytics.Packs;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace ComplianceAnalytics.Tests.Packs;

/// <summary>Charts split by group, reference lines, series colours and columns chosen by pattern.</summary>
public sealed class SplitChartTests : IDisposable
{
    private const string Yaml = """
        name: director
        sheets:
          - name: Control charts
            query: control
            columns:
              - { source: org, header: Org }
              - { source: stage, header: Stage }
              - { source: month, header: Month }
              - { source: p, header: Breach rate, format: percent }
              - { source: ucl, header: Upper limit, format: percent }
              - { source: lcl, header: Lower limit, format: percent }
            chart:
              type: line
              title: Breach rate
              category: month
              series: [p]
              reference_series: [ucl, lcl]
              split_by: [org, stage]
              percent_axis: true
          - name: Heatmap
            query: heatmap
            columns:
              - { source: stage, header: Stage }
              - { source_pattern: '^\d{4}-\d{2}$', format: percent }
            conditional: { column_pattern: '^\d{4}-\d{2}$', kind: rag, red_below: 0.8, amber_below: 0.95 }
          - name: Outcomes
            query: outcomes
            chart:
              type: stacked_bar
              category: stage
              series: [met, breached]
              colors: [70ad47, C00000]
        """;

    private readonly string _folder = PackFixtures.TempFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Dictionary<string, PackTable> Tables() => new(StringComparer.Ordinal)
    {
        ["control"] = new(
            ["org", "stage", "month", "p", "ucl", "lcl"],
            [
                ["acme", "ack", "2026-01", 0.1, 0.3, 0.0],
                ["acme", "ack", "2026-02", 0.2, 0.3, 0.0],
                // No value in the data series: no chart for this group, its rows still shown.
                ["acme", "idle", "2026-01", null, null, null],
                ["beta", "ack", "2026-01", 0.5, 0.6, 0.1],
                ["beta", "ack", "2026-02", 0.4, 0.6, 0.1],
                ["beta", "ack", "2026-03", 0.7, 0.6, 0.1],
            ]),
        ["heatmap"] = new(["stage", "position", "2026-01", "2026-02"], [["ack", 1L, 0.5, 0.97], ["resolve", 2L, null, 0.9]]),
        ["outcomes"] = new(["stage", "met", "breached"], [["ack", 5L, 1L], ["resolve", 3L, 2L]]),
    };

    private string Write()
    {
        var path = Path.Combine(_folder, "director.xlsx");
        WorkbookWriter.Write(PackDefinitionLoader.Parse(Yaml, "reports/director.yaml"), Tables(), path, PackFixtures.Metadata);
        return path;
    }

    [Fact]
    public void A_split_chart_gives_one_chart_per_group_reading_its_own_rows_and_skips_groups_without_values()
    {
        using var document = SpreadsheetDocument.Open(Write(), false);
        var part = WorkbookWriterTests.WorksheetPart(document, "Control charts");
        var charts = part.DrawingsPart!.WorksheetDrawing.Elements<Xdr.TwoCellAnchor>()
            .Select(a => (Anchor: a, Chart: (ChartPart)part.DrawingsPart.GetPartById(a.Descendants<C.ChartReference>().Single().Id!.Value!)))
            .ToList();

        Assert.Equal(["Breach rate: acme / ack", "Breach rate: beta / ack"], charts.Select(c => c.Chart.ChartSpace.Descendants<C.Title>().Single().InnerText));
        Assert.Equal(
            ["'Control charts'!$D$3:$D$4", "'Control charts'!$D$6:$D$8"],
            charts.Select(c => c.Chart.ChartSpace.Descendants<C.LineChartSeries>().First().GetFirstChild<C.Values>()!.Descendants<C.Formula>().Single().Text));
        Assert.Equal(
            ["'Control charts'!$C$3:$C$4", "'Control charts'!$C$6:$C$8"],
            charts.Select(c => c.Chart.ChartSpace.Descendants<C.LineChartSeries>().First().GetFirstChild<C.CategoryAxisData>()!.Descendants<C.Formula>().Single().Text));
        // Stacked one below the other, not on top of each other.
        var rows = charts.Select(c => int.Parse(c.Anchor.FromMarker!.RowId!.Text, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(rows[1] > rows[0] + WorkbookWriter.ChartHeightRows - 1, string.Join(",", rows));
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2010).Validate(document));
    }

    [Fact]
    public void Reference_series_are_dashed_lines_without_markers_after_the_data_series()
    {
        using var document = SpreadsheetDocument.Open(Write(), false);
        var chart = WorkbookWriterTests.WorksheetPart(document, "Control charts").DrawingsPart!.ChartParts.First();
        var series = chart.ChartSpace.Descendants<C.LineChartSeries>().ToList();

        Assert.Equal(["Breach rate", "Upper limit", "Lower limit"], series.Select(s => s.GetFirstChild<C.SeriesText>()!.Descendants<C.NumericValue>().Single().Text));
        Assert.Equal(C.MarkerStyleValues.Circle, series[0].GetFirstChild<C.Marker>()!.GetFirstChild<C.Symbol>()!.Val!.Value);
        Assert.All(series.Skip(1), s =>
        {
            Assert.Equal(C.MarkerStyleValues.None, s.GetFirstChild<C.Marker>()!.GetFirstChild<C.Symbol>()!.Val!.Value);
            Assert.NotNull(s.Descendants<A.PresetDash>().SingleOrDefault());
        });
    }

    [Fact]
    public void Columns_and_fills_chosen_by_pattern_follow_the_table()
    {
        using var document = SpreadsheetDocument.Open(Write(), false);
        var cells = WorkbookWriterTests.Cells(document, "Heatmap");

        Assert.Equal("Stage", cells["A2"].Text);
        Assert.Equal("2026-01", cells["B2"].Text);
        Assert.Equal("2026-02", cells["C2"].Text);
        Assert.False(cells.ContainsKey("D2")); // "position" matches neither the columns nor the pattern
        Assert.Equal("0.5", cells["B3"].Text);
        Assert.False(cells.ContainsKey("B4")); // no attainment: an empty cell, not a zero
    }

    [Fact]
    public void Series_take_the_colours_given_in_order()
    {
        using var document = SpreadsheetDocument.Open(Write(), false);
        var chart = WorkbookWriterTests.WorksheetPart(document, "Outcomes").DrawingsPart!.ChartParts.Single();

        Assert.Equal(
            ["70AD47", "C00000"],
            chart.ChartSpace.Descendants<C.BarChartSeries>().Select(s => s.GetFirstChild<C.ChartShapeProperties>()!.Descendants<A.RgbColorModelHex>().First().Val!.Value));
    }

    [Fact]
    public void Small_whole_counts_get_a_whole_step_on_the_value_axis()
    {
        var definition = PackDefinitionLoader.Parse(
            "name: p\nsheets:\n  - name: S\n    query: q\n    columns: [{ source: org }, { source: n, format: integer }]\n    chart: { type: column, category: org, series: n }\n",
            "reports/p.yaml");
        var path = Path.Combine(_folder, "p.xlsx");
        WorkbookWriter.Write(definition, new Dictionary<string, PackTable> { ["q"] = new(["org", "n"], [["a", 0L], ["b", 1L]]) }, path, PackFixtures.Metadata);

        using var document = SpreadsheetDocument.Open(path, false);
        var axis = WorkbookWriterTests.WorksheetPart(document, "S").DrawingsPart!.ChartParts.Single().ChartSpace.Descendants<C.ValueAxis>().Single();
        Assert.Equal(1D, axis.GetFirstChild<C.MajorUnit>()!.Val!.Value);
    }

    [Theory]
    [InlineData("chart: { type: line, category: a, series: b, colors: [red] }", "sheets[0].chart.colors: 'red' is not an RGB colour")]
    [InlineData("chart: { type: line, category: a, series: b, colors: [FF0000, 00FF00] }", "sheets[0].chart.colors: 2 colours for 1 series")]
    [InlineData("chart: { type: stacked_bar, category: a, series: b, reference_series: c }", "sheets[0].chart.reference_series: reference lines are drawn on line and column charts only")]
    [InlineData("columns: [{ source_pattern: '(' }]", "sheets[0].columns[0].source_pattern: '(' is not a regular expression")]
    [InlineData("columns: [{ source: a, source_pattern: b }]", "sheets[0].columns[0].source_pattern: a column is either a source")]
    [InlineData("conditional: { column: a, column_pattern: b, kind: color_scale }", "sheets[0].conditional.column_pattern: give either column or column_pattern")]
    public void New_keys_are_checked_with_file_line_and_field(string sheet, string expected)
    {
        var yaml = $"name: director\nsheets:\n  - name: S\n    query: q\n    {sheet}\n";
        var error = Assert.Throws<PackDefinitionException>(() => PackDefinitionLoader.Parse(yaml, "reports/director.yaml"));

        Assert.StartsWith("reports/director.yaml:", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
