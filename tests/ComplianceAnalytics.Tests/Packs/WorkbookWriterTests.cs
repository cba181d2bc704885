using ComplianceAnalytics.Packs;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace ComplianceAnalytics.Tests.Packs;

public sealed class WorkbookWriterTests : IDisposable
{
    private readonly string _folder = PackFixtures.TempFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string WriteSample(string name = "compliance-2025-06.xlsx")
    {
        var path = Path.Combine(_folder, name);
        WorkbookWriter.Write(PackFixtures.Definition(), PackFixtures.Tables(), path, PackFixtures.Metadata);
        return path;
    }

    [Fact]
    public void Written_workbook_passes_the_Open_XML_validator()
    {
        var path = WriteSample();
        using var document = SpreadsheetDocument.Open(path, false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2016).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Only_the_workbook_is_left_in_the_folder()
    {
        var path = WriteSample();
        WriteSample(); // overwriting an existing workbook
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    [Fact]
    public void Sheets_have_title_header_and_typed_rows()
    {
        using var document = SpreadsheetDocument.Open(WriteSample(), false);
        var workbook = document.WorkbookPart!;
        Assert.Equal(
            ["Summary", "Monthly trend", "Breaches by org", "It's hostile", "Empty", "Capped", "Manifest"],
            workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));

        var summary = Cells(document, "Summary");
        Assert.Equal("Headline attainment per org and stage", summary["A1"].Text);
        Assert.Equal(["Organisation", "Stage", "Cases", "Attainment", "Target"], Row(summary, 2, 5));
        Assert.False(summary.ContainsKey("F2")); // "ignored" is not in the columns list
        Assert.Equal("157", summary["C4"].Text);
        Assert.Contains(summary["C4"].Type, new CellValues?[] { null, CellValues.Number });
        Assert.Equal("0.95", summary["E3"].Text);

        var breaches = Cells(document, "Breaches by org");
        Assert.Equal(["org", "stage", "d0_7", "d8_28", "d29_plus", "total", "org / stage"], Row(breaches, 2, 7));
        Assert.Equal("Beta Insure / Respond", breaches["G5"].Text);
        Assert.False(breaches.ContainsKey("E6")); // null stays an empty cell

        var hostile = Cells(document, "It's hostile");
        Assert.Equal(CellValues.Boolean, hostile["C3"].Type);
        Assert.Equal("45809", hostile["D3"].Text); // 2025-06-01 as an Excel serial date

        var sheetView = WorksheetPart(document, "Summary").Worksheet.Descendants<Pane>().Single();
        Assert.Equal("A3", sheetView.TopLeftCell!.Value);
        Assert.Equal(2D, sheetView.VerticalSplit!.Value);
        Assert.Contains(sheetView.State!.Value, new[] { PaneStateValues.Frozen, PaneStateValues.FrozenSplit });
        Assert.Equal("A2:E8", WorksheetPart(document, "Summary").Worksheet.GetFirstChild<AutoFilter>()!.Reference!.Value);
    }

    [Fact]
    public void Hostile_text_stays_text()
    {
        using var document = SpreadsheetDocument.Open(WriteSample(), false);
        var hostile = Cells(document, "It's hostile");
        Assert.Equal("=HYPERLINK(\"http://x\",\"title\")", hostile["A1"].Text);
        for (var i = 0; i < PackFixtures.HostileValues.Length; i++)
        {
            var cell = hostile[$"A{3 + i}"];
            Assert.Contains(cell.Type, new CellValues?[] { CellValues.SharedString, CellValues.InlineString, CellValues.String });
            Assert.Equal(PackFixtures.HostileValues[i], cell.Text);
        }

        foreach (var part in document.WorkbookPart!.WorksheetParts)
        {
            Assert.Empty(part.Worksheet.Descendants<CellFormula>());
            Assert.Empty(part.Worksheet.Descendants<Hyperlinks>());
            Assert.Empty(part.HyperlinkRelationships);
            Assert.Null(part.WorksheetCommentsPart);
        }

        Assert.Null(document.WorkbookPart.CalculationChainPart);
    }

    [Fact]
    public void Charts_reference_the_table_cells()
    {
        using var document = SpreadsheetDocument.Open(WriteSample(), false);

        var summary = Chart(document, "Summary");
        var bar = summary.PlotArea!.GetFirstChild<C.BarChart>()!;
        Assert.Equal(C.BarDirectionValues.Column, bar.BarDirection!.Val!.Value);
        Assert.Equal(C.BarGroupingValues.Clustered, bar.BarGrouping!.Val!.Value);
        var attainment = bar.Elements<C.BarChartSeries>().Single();
        Assert.Equal("'Summary'!$D$2:$D$2", Formula<C.SeriesText>(attainment));
        Assert.Equal("'Summary'!$B$3:$B$8", Formula<C.CategoryAxisData>(attainment));
        Assert.Equal("'Summary'!$D$3:$D$8", Formula<C.Values>(attainment));
        Assert.Equal(["0.99", "0.91", "0.78", "0.96", "0.87", "1"], attainment.GetFirstChild<C.Values>()!.Descendants<C.NumericValue>().Select(v => v.Text));
        var target = summary.PlotArea.GetFirstChild<C.LineChart>()!.Elements<C.LineChartSeries>().Single();
        Assert.Equal("'Summary'!$E$3:$E$8", Formula<C.Values>(target));
        var valueAxis = summary.PlotArea.GetFirstChild<C.ValueAxis>()!;
        Assert.Equal("0%", valueAxis.GetFirstChild<C.NumberingFormat>()!.FormatCode!.Value);
        Assert.Equal(1D, valueAxis.Scaling!.GetFirstChild<C.MaxAxisValue>()!.Val!.Value);
        Assert.Equal(0D, valueAxis.Scaling!.GetFirstChild<C.MinAxisValue>()!.Val!.Value);

        var trend = Chart(document, "Monthly trend").PlotArea!;
        Assert.Null(trend.GetFirstChild<C.BarChart>());
        Assert.Equal(
            ["'Monthly trend'!$B$3:$B$14", "'Monthly trend'!$D$3:$D$14"],
            trend.GetFirstChild<C.LineChart>()!.Elements<C.LineChartSeries>().Select(Formula<C.Values>));

        var stacked = Chart(document, "Breaches by org").PlotArea!.GetFirstChild<C.BarChart>()!;
        Assert.Equal(C.BarDirectionValues.Bar, stacked.BarDirection!.Val!.Value);
        Assert.Equal(C.BarGroupingValues.Stacked, stacked.BarGrouping!.Val!.Value);
        Assert.Equal(100, stacked.GetFirstChild<C.Overlap>()!.Val!.Value);
        Assert.Equal(
            ["'Breaches by org'!$C$3:$C$6", "'Breaches by org'!$D$3:$D$6", "'Breaches by org'!$E$3:$E$6"],
            stacked.Elements<C.BarChartSeries>().Select(Formula<C.Values>));
        Assert.Equal("'Breaches by org'!$G$3:$G$6", Formula<C.CategoryAxisData>(stacked.Elements<C.BarChartSeries>().First()));

        var quoted = Chart(document, "It's hostile").PlotArea!.GetFirstChild<C.BarChart>()!.Elements<C.BarChartSeries>().Single();
        Assert.Equal("'It''s hostile'!$B$3:$B$12", Formula<C.Values>(quoted));

        Assert.Null(WorksheetPart(document, "Empty").DrawingsPart);
        var anchor = WorksheetPart(document, "Summary").DrawingsPart!.WorksheetDrawing.GetFirstChild<DocumentFormat.OpenXml.Drawing.Spreadsheet.TwoCellAnchor>()!;
        // Below the table (data rows 3 to 8), from its first column, with a page break above it.
        Assert.Equal("0", anchor.FromMarker!.ColumnId!.Text);
        Assert.Equal("10", anchor.FromMarker!.RowId!.Text);
        var breaks = WorksheetPart(document, "Summary").Worksheet.GetFirstChild<DocumentFormat.OpenXml.Spreadsheet.RowBreaks>()!;
        Assert.Equal(10u, breaks.Elements<DocumentFormat.OpenXml.Spreadsheet.Break>().Single().Id!.Value);
        // The printed area reaches a row below the chart (rows 11 to 33), across the chart's columns.
        var printArea = document.WorkbookPart!.Workbook.DefinedNames!.Elements<DocumentFormat.OpenXml.Spreadsheet.DefinedName>()
            .Single(n => n.Name == "_xlnm.Print_Area" && n.Text.StartsWith("Summary!", StringComparison.Ordinal));
        Assert.Equal("Summary!$A$1:$L$34", printArea.Text);
    }

    [Fact]
    public void Empty_table_gets_a_no_data_row_and_a_capped_table_a_note()
    {
        using var document = SpreadsheetDocument.Open(WriteSample(), false);
        var empty = Cells(document, "Empty");
        Assert.Equal("org", empty["A2"].Text);
        Assert.Equal(WorkbookWriter.NoDataText, empty["A3"].Text);
        Assert.Equal("Empty", empty["A1"].Text);

        var capped = Cells(document, "Capped");
        Assert.Equal("5", capped["A7"].Text);
        Assert.Equal("Only the first 5 of 12 rows are shown; 7 rows were left out (limit 5).", capped["A8"].Text);
        Assert.False(capped.ContainsKey("A9"));
    }

    [Fact]
    public void Row_cap_leaves_room_for_title_header_and_note()
    {
        Assert.Equal(1_048_573, WorkbookWriter.RowCap(null));
        Assert.Equal(1_048_573, WorkbookWriter.RowCap(int.MaxValue));
        Assert.Equal(100, WorkbookWriter.RowCap(100));
    }

    [Fact]
    public void Same_inputs_give_the_same_sheets_and_charts()
    {
        var first = PartXml(WriteSample("a.xlsx"));
        var second = PartXml(WriteSample("b.xlsx"));
        Assert.Equal(first.Keys, second.Keys);
        foreach (var (uri, xml) in first)
        {
            Assert.True(xml == second[uri], $"{uri} differs");
        }

        Assert.Contains(first.Keys, k => k.Contains("/charts/chart", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_table_or_unknown_column_names_the_pack_and_sheet()
    {
        var tables = PackFixtures.Tables();
        tables.Remove("trend");
        var missing = Assert.Throws<ArgumentException>(() => WorkbookWriter.Write(PackFixtures.Definition(), tables, Path.Combine(_folder, "x.xlsx"), PackFixtures.Metadata));
        Assert.Contains("reports/compliance.yaml: sheet 'Monthly trend'", missing.Message, StringComparison.Ordinal);

        tables = PackFixtures.Tables();
        tables["breaches"] = new(["org", "stage"], []);
        var unknown = Assert.Throws<ArgumentException>(() => WorkbookWriter.Write(PackFixtures.Definition(), tables, Path.Combine(_folder, "x.xlsx"), PackFixtures.Metadata));
        Assert.Contains("sheet 'Breaches by org': chart.series: column 'd0_7'", unknown.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void An_end_of_day_deadline_reads_as_the_last_second_of_its_day_not_the_next_midnight()
    {
        var definition = PackDefinitionLoader.Parse("name: p\nsheets:\n  - { name: S, query: q }\n", "reports/p.yaml");
        var endOfDay = new DateTime(2026, 6, 2, 23, 59, 59, DateTimeKind.Unspecified).AddTicks(9_999_990);
        var path = Path.Combine(_folder, "p.xlsx");
        WorkbookWriter.Write(definition, new Dictionary<string, PackTable> { ["q"] = new(["due"], [[endOfDay]]) }, path, PackFixtures.Metadata);

        using var document = SpreadsheetDocument.Open(path, false);
        var serial = double.Parse(Cells(document, "S")["A3"].Text, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(new DateTime(2026, 6, 2, 23, 59, 59).ToOADate(), serial, 9);
    }

    [Fact]
    public void Values_without_a_faithful_cell_are_refused()
    {
        var definition = PackDefinitionLoader.Parse("name: p\nsheets:\n  - { name: S, query: q }\n", "reports/p.yaml");
        var tables = new Dictionary<string, PackTable> { ["q"] = new(["x"], [[double.NaN]]) };
        var error = Assert.Throws<ArgumentException>(() => WorkbookWriter.Write(definition, tables, Path.Combine(_folder, "p.xlsx"), PackFixtures.Metadata));
        Assert.Contains("sheet 'S': row 0, column 'x'", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> PartXml(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var sheet in document.WorkbookPart!.WorksheetParts)
        {
            parts[sheet.Uri.ToString()] = sheet.Worksheet.OuterXml;
            foreach (var chart in sheet.DrawingsPart?.ChartParts ?? [])
            {
                parts[chart.Uri.ToString()] = chart.ChartSpace.OuterXml;
            }
        }

        parts["sharedStrings"] = document.WorkbookPart.SharedStringTablePart?.SharedStringTable.OuterXml ?? "";
        parts["styles"] = document.WorkbookPart.WorkbookStylesPart!.Stylesheet.OuterXml;
        return parts;
    }

    internal static WorksheetPart WorksheetPart(SpreadsheetDocument document, string sheetName)
    {
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name!.Value == sheetName);
        return (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
    }

    /// <summary>
    /// Every cell of a sheet by reference, with its stored type and its text: shared strings resolved and
    /// the OOXML _xHHHH_ escape decoded, as Excel reads it.
    /// </summary>
    internal static Dictionary<string, (CellValues? Type, string Text)> Cells(SpreadsheetDocument document, string sheetName)
    {
        var shared = document.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        return WorksheetPart(document, sheetName).Worksheet.Descendants<Cell>()
            .Where(c => c.CellValue is not null || c.InlineString is not null)
            .ToDictionary(
                c => c.CellReference!.Value!,
                c => (c.DataType?.Value, Unescape(c.DataType?.Value == CellValues.SharedString
                    ? shared[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]
                    : c.InlineString?.InnerText ?? c.CellValue!.Text)));
    }

    private static string Unescape(string text) =>
        System.Text.RegularExpressions.Regex.Replace(
            text,
            "_x([0-9A-F]{4})_",
            m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());

    private static IEnumerable<string> Row(Dictionary<string, (CellValues? Type, string Text)> cells, int row, int columns) =>
        Enumerable.Range(1, columns).Select(c => cells[$"{(char)('A' + c - 1)}{row}"].Text);

    private static C.Chart Chart(SpreadsheetDocument document, string sheetName) =>
        WorksheetPart(document, sheetName).DrawingsPart!.ChartParts.Single().ChartSpace.GetFirstChild<C.Chart>()!;

    private static string Formula<T>(OpenXmlElement series)
        where T : OpenXmlElement =>
        series.GetFirstChild<T>()!.Descendants<C.Formula>().Single().Text;
}
