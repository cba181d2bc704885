using ClosedXML.Excel;
using ComplianceAnalytics.Packs;
using NodaTime;

namespace ComplianceAnalytics.Tests.Packs;

/// <summary>The publication-style summary: for each legal entity with 500 or more complaints opened in the period.</summary>
public sealed class ReturnWorkbookTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("return-workbook-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Only_an_entity_with_500_or_more_opened_is_published_with_its_rates()
    {
        var path = Path.Combine(_dir, "r.xlsx");
        ReturnWorkbook.Write(
            new ReturnFirm("crediflex", "Crediflex", "Europe/London", "2027-H1", new LocalDate(2027, 1, 1), new LocalDate(2027, 6, 30)),
            [Entity("Big Ltd", 500, 400, 100, 200, 100, 150), Entity("Small Ltd", 499, 10, 1, 1, 8, 5)],
            path,
            new WorkbookMetadata("test", "test", new DateTime(2027, 7, 1, 0, 0, 0, DateTimeKind.Utc)));

        using var workbook = new XLWorkbook(path);
        var sheet = workbook.Worksheet("Publication");
        Assert.Equal("Big Ltd", sheet.Cell(6, 1).GetString());
        Assert.Equal(500, sheet.Cell(6, 2).GetDouble());
        Assert.Equal(0.25, sheet.Cell(6, 4).GetDouble(), 10);
        Assert.Equal(0.75, sheet.Cell(6, 5).GetDouble(), 10);
        Assert.Equal(0.375, sheet.Cell(6, 6).GetDouble(), 10);
        Assert.DoesNotContain(sheet.CellsUsed(), c => c.GetString() == "Small Ltd");
        Assert.Contains(workbook.Worksheet("Return").CellsUsed(), c => c.GetString() == "Legal entity: Small Ltd");
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://example.com\",\"x\")")]
    [InlineData("+1+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1:A2)")]
    [InlineData("0012")]
    public void A_product_root_cause_or_legal_entity_that_looks_like_a_formula_or_a_number_stays_text(string value)
    {
        var path = Path.Combine(_dir, "hostile.xlsx");
        var all = new ReturnRow("*", 500, 1, 1, 0, 0, 1, 0m, 0, 499, 0, 0, 0);
        ReturnWorkbook.Write(
            new ReturnFirm("crediflex", "Crediflex", "Europe/London", "2027-H1", new LocalDate(2027, 1, 1), new LocalDate(2027, 6, 30)),
            [new ReturnEntity("crediflex", value, all, [all with { Product = value }], [new ReturnCause(value, 1, 1)])],
            path,
            new WorkbookMetadata("test", "test", new DateTime(2027, 7, 1, 0, 0, 0, DateTimeKind.Utc)));

        using var workbook = new XLWorkbook(path);
        foreach (var sheet in workbook.Worksheets)
        {
            Assert.DoesNotContain(sheet.CellsUsed(), c => c.HasFormula || c.HasHyperlink);
        }

        var cells = workbook.Worksheets.SelectMany(s => s.CellsUsed()).Where(c => c.GetString() == value).ToList();
        // The product, the root cause and the entity on the Publication sheet; the block's title reads "Legal entity: …".
        Assert.Equal(3, cells.Count);
        Assert.All(cells, c => Assert.Equal(XLDataType.Text, c.DataType));
        Assert.Contains(workbook.Worksheet("Return").CellsUsed(), c => c.GetString() == "Legal entity: " + value);
    }

    [Fact]
    public void A_firm_whose_data_stops_short_of_the_period_says_so_under_the_heading()
    {
        var path = Path.Combine(_dir, "short.xlsx");
        ReturnWorkbook.Write(
            new ReturnFirm("crediflex", "Crediflex", "Europe/London", "2027-H1", new LocalDate(2027, 1, 1), new LocalDate(2027, 6, 30), new LocalDateTime(2027, 5, 20, 16, 45)),
            [Entity("Small Ltd", 10, 5, 1, 1, 3, 2)],
            path,
            new WorkbookMetadata("test", "test", new DateTime(2027, 7, 1, 0, 0, 0, DateTimeKind.Utc)));

        using var workbook = new XLWorkbook(path);
        foreach (var name in new[] { "Return", "Publication" })
        {
            Assert.StartsWith("Data incomplete: this firm's events end at 20 May 2027 16:45", workbook.Worksheet(name).Cell(4, 1).GetString(), StringComparison.Ordinal);
        }

        Assert.Equal("Legal entity: Small Ltd", workbook.Worksheet("Return").Cell(6, 1).GetString());
    }

    [Fact]
    public void A_swedish_firms_return_is_in_swedish_with_its_currency()
    {
        var path = Path.Combine(_dir, "sv.xlsx");
        ReturnWorkbook.Write(
            new ReturnFirm("hexpress", "Hexpress Healthcare", "Europe/London", "2026-H2", new LocalDate(2026, 7, 1), new LocalDate(2026, 12, 31)),
            [Entity("Hexpress Ltd", 20, 10, 5, 3, 2, 4)],
            path,
            new WorkbookMetadata("test", "test", new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc)) { Texts = ComplianceAnalytics.Measures.ReportTexts.For("sv"), Currency = "GBP" });

        using var workbook = new XLWorkbook(path);
        Assert.Equal(["Rapport", "Publicering"], workbook.Worksheets.Select(w => w.Name));
        var sheet = workbook.Worksheet("Rapport");
        Assert.Equal("Klagomålsrapport: Hexpress Healthcare (hexpress)", sheet.Cell(1, 1).GetString());
        Assert.StartsWith("Period 2026-H2: 1 juli 2026 till 31 december 2026, Europe/London.", sheet.Cell(2, 1).GetString(), StringComparison.Ordinal);
        Assert.Contains(sheet.CellsUsed(), c => c.GetString() == "Juridisk person: Hexpress Ltd");
        var redress = sheet.CellsUsed().Single(c => c.GetString() == "Gottgörelse betald i avslutade ärenden").CellRight();
        Assert.Equal("[$-41D]#,##0.00\\ \"£\"", redress.Style.NumberFormat.Format);
    }

    private static ReturnEntity Entity(string name, long opened, long closed, long within3bd, long to8w, long after8w, long upheld)
    {
        var all = new ReturnRow("*", opened, closed, within3bd, to8w, after8w, upheld, 0m, 0, opened - closed, 0, 0, 0);
        return new ReturnEntity("crediflex", name, all, [all with { Product = "loan" }], [new ReturnCause("delay", closed, upheld)]);
    }
}
