using ComplianceAnalytics.Packs;

namespace ComplianceAnalytics.Tests.Packs;

public sealed class PackDefinitionLoaderTests
{
    private const string Source = "reports/compliance.yaml";

    [Fact]
    public void Sample_definition_loads()
    {
        var definition = PackFixtures.Definition();
        Assert.Equal("compliance", definition.Name);
        Assert.Equal("Monthly compliance pack", definition.Title);
        Assert.Equal(7, definition.Sheets.Count);
        var summary = definition.Sheets[0];
        Assert.Equal(new ColumnDefinition("attainment", "Attainment", ColumnFormat.Percent, 12), summary.Columns![3]);
        Assert.Equal(new ConditionalDefinition("attainment", ConditionalKind.Rag, 0.8, 0.95), summary.Conditional);
        Assert.Equal(ChartType.Column, summary.Chart!.Type);
        Assert.True(summary.Chart.PercentAxis);
        Assert.Equal(0.95, summary.Chart.Target);
        Assert.Equal(["org", "stage"], definition.Sheets[2].Chart!.Category);
        Assert.Equal(ChartType.StackedBar, definition.Sheets[2].Chart!.Type);
        Assert.Equal(["attainment"], definition.Sheets[1].Chart!.Series);
        Assert.Equal(5, definition.Sheets[5].MaxRows);
    }

    [Fact]
    public void Load_reads_the_file()
    {
        var path = Path.Combine(PackFixtures.TempFolder(), "compliance.yaml");
        File.WriteAllText(path, PackFixtures.Yaml);
        Assert.Equal(path, PackDefinitionLoader.Load(path).SourcePath);
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    [Theory]
    [InlineData(
        "  - name: S\n    query: q\n    chart: { type: pie, category: a, series: b }\n",
        "reports/compliance.yaml:5: sheets[0].chart.type: unknown value 'pie' (expected one of column, line, stacked_bar, stacked_column)")]
    [InlineData(
        "  - name: S\n    query: q\n    columns: [{ source: a }]\n    chart: { type: line, category: a, series: [b] }\n",
        "reports/compliance.yaml:6: sheets[0].chart.series: unknown column 'b'")]
    [InlineData(
        "  - name: S\n    query: q\n    columns: [{ source: a }]\n    conditional: { column: z, kind: color_scale }\n",
        "reports/compliance.yaml:6: sheets[0].conditional.column: unknown column 'z'")]
    [InlineData(
        "  - name: A sheet name that is far too long\n    query: q\n",
        "reports/compliance.yaml:3: sheets[0].name: sheet name 'A sheet name that is far too long' is 33 characters; Excel allows at most 31")]
    [InlineData(
        "  - { name: Summary, query: a }\n  - { name: summary, query: b }\n",
        "reports/compliance.yaml:4: sheets[1].name: duplicate sheet name 'summary'")]
    [InlineData(
        "  - { name: S, query: q, colums: [] }\n",
        "reports/compliance.yaml:3: sheets[0]: unknown field 'colums'")]
    [InlineData(
        "  - { name: S, query: q, columns: [{ source: a, format: pct }] }\n",
        "reports/compliance.yaml:3: sheets[0].columns[0].format: unknown value 'pct' (expected one of text, integer, decimal2, decimal1, decimal4, pvalue, percent, money, date, datetime, days1)")]
    [InlineData(
        "  - name: S\n    query: q\n    chart: { type: column, category: a, series: b, marker_series: [m] }\n",
        "reports/compliance.yaml:5: sheets[0].chart.marker_series: markers are drawn on line charts only")]
    [InlineData(
        "  - name: S\n    query: q\n    columns: [{ source: a }, { source: b }]\n    chart: { type: line, category: a, series: [b], marker_series: [m] }\n",
        "reports/compliance.yaml:6: sheets[0].chart.marker_series: unknown column 'm'")]
    [InlineData(
        "  - { name: \"a/b\", query: q }\n",
        "reports/compliance.yaml:3: sheets[0].name: sheet name 'a/b' contains a character Excel forbids")]
    [InlineData(
        "  - { name: S, query: q, chart: { type: stacked_bar, category: a, series: b, target: 1 } }\n",
        "reports/compliance.yaml:3: sheets[0].chart.target: a target line is not supported on stacked_bar charts")]
    [InlineData(
        "  - { name: S }\n",
        "reports/compliance.yaml:3: sheets[0].query: required")]
    public void Invalid_definitions_name_the_file_line_and_field(string sheets, string expected)
    {
        var error = Assert.Throws<PackDefinitionException>(() => PackDefinitionLoader.Parse($"name: compliance\nsheets:\n{sheets}", Source));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_yaml_names_the_file()
    {
        var error = Assert.Throws<PackDefinitionException>(() => PackDefinitionLoader.Parse("name: [unclosed\n", Source));
        Assert.StartsWith("reports/compliance.yaml:", error.Message, StringComparison.Ordinal);
    }
}
