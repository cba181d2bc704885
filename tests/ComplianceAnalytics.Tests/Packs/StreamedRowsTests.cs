using System.Globalization;
using ComplianceAnalytics.Packs;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace ComplianceAnalytics.Tests.Packs;

/// <summary>
/// Long sheets have their data rows streamed into the saved file instead of built in ClosedXML; the
/// workbook must read exactly as the one ClosedXML writes cell by cell.
/// </summary>
public sealed class StreamedRowsTests : IDisposable
{
    private const int Rows = 320;
    private const int Cap = 300;

    private const string Yaml = """
        name: streamed
        title: Streamed rows
        sheets:
          - name: Long
            query: long
            description: Every kind of value, capped
            max_rows: 300
            columns:
              - { source: text, header: Text, width: 20 }
              - { source: count, header: Count, format: integer }
              - { source: amount, header: Amount, format: decimal2 }
              - { source: share, header: Share, format: percent }
              - { source: days, header: Days, format: days1 }
              - { source: day, header: Day, format: date }
              - { source: at, header: At, format: datetime }
              - { source: stamp, header: Stamp }
              - { source: flag, header: Flag }
              - { source: code, header: Code, format: text }
              - { source: note, header: Note }
            conditional: { column: count, kind: color_scale }
          - name: Escaped
            query: escaped
            description: "Control characters in the title\u0001 and the first row"
          - name: Fills
            query: fills
            conditional: { column: share, kind: rag, red_below: 0.8, amber_below: 0.95 }
          - name: Wrapped
            query: wrapped
            columns:
              - { source: id, header: Id, format: integer, width: 6 }
              - { source: why, header: Why, width: 12, wrap: true }
        """;

    private static readonly string?[] Texts =
    [
        "plain", "=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2", "@SUM(A1)", "\t=1", "\r=1", "two\nlines", " padded ",
        "_x0041_", "bell\u0007", "emoji \U0001F600", "lone \uD800 half", "<&>\"'", "", null,
    ];

    private readonly string _folder = PackFixtures.TempFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Dictionary<string, PackTable> Tables()
    {
        var start = new DateTime(2026, 6, 1, 8, 30, 15, DateTimeKind.Utc);
        var rows = Enumerable.Range(0, Rows).Select(i => new object?[]
        {
            Texts[i % Texts.Length],
            i % 7 == 3 ? null : (long)i * 1_234_567_891,
            i % 5 == 0 ? null : (decimal)i / 7,
            i % 4 == 0 ? null : i / 321.0,
            (i % 3) + (1 / 3.0),
            i % 6 == 2 ? null : new DateOnly(2026, 1, 1).AddDays(i),
            // An end-of-day deadline to the tick: cells truncate it to the second.
            i % 9 == 4 ? null : start.AddDays(i).AddTicks(i % 2 == 0 ? 0 : TimeSpan.TicksPerSecond - 1),
            new DateTime(2026, 6, 2, 23, 59, 59, DateTimeKind.Unspecified).AddTicks(9_999_999).AddDays(i),
            i % 8 == 6 ? null : i % 2 == 0,
            i % 10 == 0 ? null : string.Create(CultureInfo.InvariantCulture, $"{i:D4}"),
            i == 40 ? "a\r\nb" : i % 11 == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"note {i}"),
        }).ToList();
        return new Dictionary<string, PackTable>(StringComparer.Ordinal)
        {
            ["long"] = new(["text", "count", "amount", "share", "days", "day", "at", "stamp", "flag", "code", "note"], rows),
            ["escaped"] = new(["text", "other"], [["bell\u0007", "\r=1"], ["_x0041_", "ok\u001F"], [" \u0000 ", null]]),
            ["fills"] = new(["org", "share"], Enumerable.Range(0, 40).Select(i => new object?[] { $"Org {i}", i / 40.0 }).ToList()),
            // Row i's text has i % 4 + 1 words of ten letters: as many lines in a column of 12.
            ["wrapped"] = new(["id", "why"], Enumerable.Range(0, 30).Select(i => new object?[] { (long)i, string.Join(' ', Enumerable.Repeat("abcdefghij", (i % 4) + 1)) }).ToList()),
        };
    }

    private string Write(bool streamRows, string name)
    {
        var path = Path.Combine(_folder, name);
        WorkbookWriter.Write(PackDefinitionLoader.Parse(Yaml, "reports/streamed.yaml"), Tables(), path, PackFixtures.Metadata, streamRows);
        return path;
    }

    [Fact]
    public void Streamed_rows_read_as_the_cells_ClosedXML_writes_with_the_same_look()
    {
        var built = Sheets(Write(streamRows: false, "built.xlsx"));
        var streamed = Sheets(Write(streamRows: true, "streamed.xlsx"));
        Assert.Equal(built.Keys, streamed.Keys);
        foreach (var (sheet, expected) in built)
        {
            var actual = streamed[sheet];
            Assert.Equal(expected.Layout, actual.Layout);
            Assert.Equal(expected.Cells.Keys, actual.Cells.Keys);
            foreach (var (reference, cell) in expected.Cells)
            {
                Assert.True(cell == actual.Cells[reference], $"{sheet}!{reference}: {cell} built, {actual.Cells[reference]} streamed");
            }
        }

        // The comparison is worth something only if the long sheet was streamed and the RAG sheet was not.
        Assert.Contains(streamed["Long"].Cells.Values, c => c.Stored == CellValues.InlineString && c.Text == "plain");
        Assert.DoesNotContain(streamed["Fills"].Cells.Values, c => c.Stored == CellValues.InlineString);
    }

    [Fact]
    public void Streamed_rows_are_typed_and_hostile_text_stays_escaped_text()
    {
        var path = Write(streamRows: true, "streamed.xlsx");
        using var document = SpreadsheetDocument.Open(path, false);
        var cells = WorkbookWriterTests.WorksheetPart(document, "Long").Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        Assert.Empty(WorkbookWriterTests.WorksheetPart(document, "Long").Worksheet.Descendants<CellFormula>());

        // Row 3 + i holds table row i; the text column cycles through Texts.
        string Raw(int i) => cells[$"A{3 + i}"].InlineString!.Text!.Text;
        Assert.Equal("=HYPERLINK(\"http://x\",\"y\")", Raw(Texts.Length + 1));
        Assert.Equal("+1+1", Raw(Texts.Length + 2));
        Assert.Equal("-2", Raw(Texts.Length + 3));
        Assert.Equal("@SUM(A1)", Raw(Texts.Length + 4));
        Assert.Equal("\t=1", Raw(Texts.Length + 5));
        Assert.Equal("_x000D_=1", Raw(Texts.Length + 6));
        Assert.Equal(" padded ", Raw(Texts.Length + 8));
        Assert.Equal(SpaceProcessingModeValues.Preserve, cells[$"A{3 + Texts.Length + 8}"].InlineString!.Text!.Space!.Value);
        Assert.Equal("_x005F_x0041_", Raw(Texts.Length + 9));
        Assert.Equal("bell_x0007_", Raw(Texts.Length + 10));
        Assert.Equal("emoji \U0001F600", Raw(Texts.Length + 11));
        Assert.Equal("lone _xD800_ half", Raw(Texts.Length + 12));
        Assert.Equal("<&>\"'", Raw(Texts.Length + 13));
        Assert.All(
            Enumerable.Range(Texts.Length + 1, Texts.Length - 3).Where(i => i != Texts.Length + 7).Select(i => cells[$"A{3 + i}"]),
            c => Assert.Equal(CellValues.InlineString, c.DataType!.Value));
        // Empty and null text leave no cell; the line-feed row is ClosedXML's, with wrap text.
        Assert.False(cells.ContainsKey($"A{3 + Texts.Length + 14}"));
        Assert.False(cells.ContainsKey($"A{3 + Texts.Length + 15}"));

        var row = 3 + 21;
        Assert.Null(cells[$"B{row}"].DataType);
        Assert.Equal((21L * 1_234_567_891).ToString(CultureInfo.InvariantCulture), cells[$"B{row}"].CellValue!.Text);
        Assert.Equal((21m / 7).ToString(CultureInfo.InvariantCulture), cells[$"C{row}"].CellValue!.Text);
        Assert.Equal((21 / 321.0).ToString("G15", CultureInfo.InvariantCulture), cells[$"D{row}"].CellValue!.Text);
        Assert.Equal(new DateTime(2026, 1, 22).ToOADate().ToString(CultureInfo.InvariantCulture), cells[$"F{row}"].CellValue!.Text);
        Assert.Equal(new DateTime(2026, 6, 22, 8, 30, 15).ToOADate(), double.Parse(cells[$"G{row}"].CellValue!.Text, CultureInfo.InvariantCulture), 9);
        Assert.Equal(new DateTime(2026, 6, 23, 23, 59, 59).ToOADate(), double.Parse(cells[$"H{row}"].CellValue!.Text, CultureInfo.InvariantCulture), 9);
        Assert.Equal(CellValues.Boolean, cells[$"I{row}"].DataType!.Value);
        Assert.Equal("0", cells[$"I{row}"].CellValue!.Text);
        Assert.Equal("0021", cells[$"J{row}"].InlineString!.InnerText);

        // ClosedXML's cells of a streamed sheet get their escapes while the part is copied.
        var escaped = WorkbookWriterTests.WorksheetPart(document, "Escaped").Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        Assert.Equal("Control characters in the title_x0001_ and the first row", escaped["A1"].InlineString!.InnerText);
        Assert.Equal("bell_x0007_", escaped["A3"].InlineString!.InnerText);
        Assert.Equal("_x000D_=1", escaped["B3"].InlineString!.InnerText);
        Assert.Equal("_x005F_x0041_", escaped["A4"].InlineString!.InnerText);
        Assert.Equal("ok_x001F_", escaped["B4"].InlineString!.InnerText);
        Assert.Equal(" _x0000_ ", escaped["A5"].InlineString!.InnerText);
    }

    [Fact]
    public void Streamed_cells_take_the_style_of_their_column_in_the_first_data_row()
    {
        var path = Write(streamRows: true, "streamed.xlsx");
        using var document = SpreadsheetDocument.Open(path, false);
        var rows = WorkbookWriterTests.WorksheetPart(document, "Long").Worksheet.Descendants<Row>().ToDictionary(r => (int)r.RowIndex!.Value);
        string Column(Cell cell) => cell.CellReference!.Value!.TrimEnd("0123456789".ToCharArray());
        var first = rows[WorkbookWriter.FirstDataRow].Elements<Cell>().ToDictionary(Column, c => c.StyleIndex?.Value ?? 0);
        // Rows with a line feed (table row 40's note, and some texts) are ClosedXML's, which wraps their text.
        var lineFeedRows = Enumerable.Range(0, Cap).Where(i => Texts[i % Texts.Length] == "two\nlines" || i == 40).Select(i => 3 + i).ToHashSet();
        foreach (var (index, row) in rows.Where(r => r.Key > WorkbookWriter.FirstDataRow && r.Key < 3 + Cap && !lineFeedRows.Contains(r.Key)))
        {
            foreach (var cell in row.Elements<Cell>())
            {
                Assert.True(first.TryGetValue(Column(cell), out var style) ? style == (cell.StyleIndex?.Value ?? 0) : (cell.StyleIndex?.Value ?? 0) == 0, $"{cell.CellReference}");
            }
        }

        var wrapped = rows[3 + 40].Elements<Cell>().Single(c => Column(c) == "K").StyleIndex!.Value;
        var formats = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        Assert.True(formats[(int)wrapped].Alignment!.WrapText!.Value);
    }

    [Fact]
    public void A_wrapped_column_is_streamed_with_its_wrap_and_each_row_as_tall_as_its_lines()
    {
        var path = Write(streamRows: true, "streamed.xlsx");
        using var document = SpreadsheetDocument.Open(path, false);
        var worksheet = WorkbookWriterTests.WorksheetPart(document, "Wrapped").Worksheet;
        var rows = worksheet.Descendants<Row>().ToDictionary(r => (int)r.RowIndex!.Value);
        var formats = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        for (var i = 1; i < 30; i++)
        {
            var row = rows[WorkbookWriter.FirstDataRow + i];
            var why = row.Elements<Cell>().Single(c => c.CellReference!.Value!.StartsWith('B'));
            Assert.Equal(CellValues.InlineString, why.DataType!.Value);
            Assert.True(formats[(int)why.StyleIndex!.Value].Alignment!.WrapText!.Value);
            Assert.Equal(15.0 * ((i % 4) + 1), row.Height!.Value);
            Assert.True(row.CustomHeight!.Value);
        }
    }

    [Fact]
    public void Capped_streamed_sheet_ends_with_its_note_inside_its_dimension_and_filter()
    {
        var path = Write(streamRows: true, "streamed.xlsx");
        using var document = SpreadsheetDocument.Open(path, false);
        var worksheet = WorkbookWriterTests.WorksheetPart(document, "Long").Worksheet;
        var last = 3 + Cap - 1;
        Assert.Equal($"A1:K{last + 1}", worksheet.GetFirstChild<SheetDimension>()!.Reference!.Value);
        Assert.Equal($"A2:K{last}", worksheet.GetFirstChild<AutoFilter>()!.Reference!.Value);
        Assert.Equal($"B3:B{last}", worksheet.Descendants<ConditionalFormatting>().Single().SequenceOfReferences!.InnerText);
        var rows = worksheet.Descendants<Row>().Select(r => (int)r.RowIndex!.Value).ToList();
        Assert.Equal(Enumerable.Range(1, last + 1), rows);
        var cells = WorkbookWriterTests.Cells(document, "Long");
        Assert.Equal($"Only the first 300 of {Rows} rows are shown; 20 rows were left out (limit 300).", cells[$"A{last + 1}"].Text);
        Assert.Equal("note 299", cells[$"K{last}"].Text);
    }

    [Fact]
    public void Streamed_workbook_passes_the_Open_XML_validator()
    {
        using var document = SpreadsheetDocument.Open(Write(streamRows: true, "streamed.xlsx"), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2016).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void A_value_without_a_faithful_cell_in_a_streamed_row_names_its_row_and_leaves_no_file()
    {
        var definition = PackDefinitionLoader.Parse("name: p\nsheets:\n  - { name: S, query: q }\n", "reports/p.yaml");
        var tables = new Dictionary<string, PackTable> { ["q"] = new(["x"], [[1.0], [2.0], [double.PositiveInfinity]]) };
        var error = Assert.Throws<ArgumentException>(() => WorkbookWriter.Write(definition, tables, Path.Combine(_folder, "p.xlsx"), PackFixtures.Metadata));
        Assert.Contains("sheet 'S': row 2, column 'x'", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    /// <summary>Each sheet's cells as a reader sees them, and everything around its rows.</summary>
    private static Dictionary<string, (string Layout, Dictionary<string, CellRead> Cells)> Sheets(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var workbookPart = document.WorkbookPart!;
        var shared = workbookPart.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var stylesheet = workbookPart.WorkbookStylesPart!.Stylesheet;
        var formats = stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var numberFormats = stylesheet.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value) ?? [];
        var fonts = stylesheet.Fonts!.Elements<Font>().ToList();
        var fills = stylesheet.Fills!.Elements<Fill>().ToList();
        var borders = stylesheet.Borders!.Elements<Border>().ToList();
        string Look(uint index)
        {
            // Style indexes may be numbered differently; what a cell looks like may not differ.
            var format = formats[(int)index];
            var id = format.NumberFormatId?.Value ?? 0;
            return string.Join(
                " | ",
                numberFormats.TryGetValue(id, out var code) ? code : id.ToString(CultureInfo.InvariantCulture),
                fonts[(int)(format.FontId?.Value ?? 0)].OuterXml,
                fills[(int)(format.FillId?.Value ?? 0)].OuterXml,
                borders[(int)(format.BorderId?.Value ?? 0)].OuterXml,
                format.Alignment?.OuterXml,
                format.Protection?.OuterXml);
        }

        var sheets = new Dictionary<string, (string, Dictionary<string, CellRead>)>(StringComparer.Ordinal);
        foreach (var sheet in workbookPart.Workbook.Sheets!.Elements<Sheet>())
        {
            var worksheet = ((WorksheetPart)workbookPart.GetPartById(sheet.Id!.Value!)).Worksheet;
            var layout = string.Join("\n", worksheet.ChildElements.Where(e => e is not SheetData).Select(e => e.OuterXml))
                + string.Join("\n", worksheet.Descendants<Row>().Select(r => $"{r.RowIndex} {r.Height?.Value} {r.CustomHeight?.Value}"));
            var cells = worksheet.Descendants<Cell>().ToDictionary(
                c => c.CellReference!.Value!,
                c =>
                {
                    var type = c.DataType?.Value ?? CellValues.Number;
                    var text = type == CellValues.SharedString && c.CellValue is { } index ? shared[int.Parse(index.Text, CultureInfo.InvariantCulture)]
                        : type == CellValues.InlineString ? c.InlineString!.InnerText
                        : c.CellValue?.Text;
                    // ClosedXML types an empty styled cell as a shared string; without a value, a type reads as nothing.
                    var kind = text is null ? "empty" : type == CellValues.SharedString || type == CellValues.InlineString ? "text" : type.ToString();
                    return new CellRead(kind, text is null ? null : XmlText.Decode(text), Look(c.StyleIndex?.Value ?? 0), type);
                },
                StringComparer.Ordinal);
            sheets[sheet.Name!.Value!] = (layout, cells);
        }

        return sheets;
    }

    /// <param name="Stored">How the cell is stored; not compared, shared and inline text read the same.</param>
    private sealed record CellRead(string Kind, string? Text, string Look, CellValues Stored)
    {
        public bool Equals(CellRead? other) => other is not null && (Kind, Text, Look) == (other.Kind, other.Text, other.Look);

        public override int GetHashCode() => HashCode.Combine(Kind, Text, Look);
    }
}
