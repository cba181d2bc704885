using System.Globalization;
using ClosedXML.Excel;
using ComplianceAnalytics.Hosting;
using ComplianceAnalytics.Publishing;

namespace ComplianceAnalytics.Tests.Publishing;

/// <summary>
/// A firm's packs in its policy's language (Hexpress: <c>language: sv</c>) beside an English firm's
/// (Halo), and the machine-readable outputs the same whatever the current culture.
/// </summary>
public sealed class LanguagePacksTests(SamplePacks sample) : IClassFixture<SamplePacks>
{
    private static readonly string[] SwedishVerdicts = ["Grön", "Gul", "Röd", "För få ärenden", ""];
    private static readonly string[] EnglishVerdicts = ["Green", "Amber", "Red", "Too few cases", ""];

    [Fact]
    public void Hexpress_packs_are_in_Swedish_with_Swedish_formats_and_its_currency()
    {
        using var compliance = new XLWorkbook(WorkbookCells.WithoutPictures(sample.Workbook("compliance", "hexpress"), sample.Root));
        Assert.Equal(
            ["Försättsblad", "Sammanfattning", "Snart förfallna", "Trend", "Tidsgräns per steg", "Balans"],
            compliance.Worksheets.Take(6).Select(w => w.Name));

        var cover = compliance.Worksheet("Försättsblad");
        var items = Enumerable.Range(3, 12).Where(r => !cover.Cell(r, 1).IsEmpty()).ToDictionary(r => cover.Cell(r, 1).GetString(), r => cover.Cell(r, 2).GetString());
        Assert.Equal("juni 2026 (2026-06)", items["Månad"]);
        Assert.StartsWith("Siffrorna är beräknade per 1 juli 2026 kl. 00:00 (Europe/London)", items["Per"], StringComparison.Ordinal);
        Assert.Contains("Bedömning", items.Keys);
        Assert.Matches(@"^\d+ av \d+ bedömda steg nådde sitt mål", items["Bedömning"]);
        Assert.Matches(@"^(Alla steg tillsammans: \d+,\d %|Inget stoppades)", items["Förändring mot förra månaden"]);
        Assert.StartsWith("2 november 2026 kl. 06:30 UTC av", items["Skapad"], StringComparison.Ordinal);

        var summary = compliance.Worksheet("Sammanfattning");
        Assert.Equal("Måluppfyllelse per steg denna månad (stoppade under månaden) mot målet; grått när ärendena är för få för att bedöma", summary.Cell(1, 1).GetString());
        Assert.Equal(["Steg", "Tidsgräns", "Mål"], Enumerable.Range(1, 3).Select(c => summary.Cell(2, c).GetString()));
        Assert.Equal("Steg 1", summary.Cell(3, 1).GetString());
        Assert.Equal("5 arbetsdagar", summary.Cell(3, 2).GetString());
        Assert.Equal("[$-41D]0.0\\ %", summary.Cell(3, 3).Style.NumberFormat.Format);
        // The verdict reads in Swedish; its fill comes from the untranslated verdict.
        var verdicts = Enumerable.Range(3, 3).Select(r => summary.Cell(r, 8).GetString()).ToList();
        Assert.All(verdicts, v => Assert.Contains(v, SwedishVerdicts));

        var register = compliance.Worksheet("Överträdelseregister");
        Assert.Equal("[$-41D]yyyy-mm-dd hh:mm", register.Cell(3, 6).Style.NumberFormat.Format);
        var volumes = compliance.Worksheet("Volymer");
        Assert.Equal("Gottgörelse", volumes.Cell(2, 8).GetString());
        Assert.Equal("[$-41D]#,##0.00\\ \"£\"", volumes.Cell(3, 8).Style.NumberFormat.Format);
        Assert.Equal("[$-41D]#,##0", volumes.Cell(3, 4).Style.NumberFormat.Format);

        using var audit = new XLWorkbook(WorkbookCells.WithoutPictures(sample.Workbook("audit", "hexpress"), sample.Root));
        Assert.Equal("Försättsblad", audit.Worksheets.First().Name);
        Assert.Contains(audit.Worksheets, w => w.Name == "Gallringslogg");
        using var director = new XLWorkbook(WorkbookCells.WithoutPictures(sample.Workbook("director", "hexpress"), sample.Root));
        Assert.Equal(["Försättsblad", "Värmekarta", "Återkommande brister", "Grundorsaker"], director.Worksheets.Take(4).Select(w => w.Name));
    }

    [Fact]
    public void An_English_firm_is_unchanged_beside_it()
    {
        using var compliance = new XLWorkbook(WorkbookCells.WithoutPictures(sample.Workbook("compliance", "halo"), sample.Root));
        Assert.Equal(["Cover", "Summary", "Due soon", "Trend"], compliance.Worksheets.Take(4).Select(w => w.Name));
        var cover = compliance.Worksheet("Cover");
        Assert.Equal("Month", cover.Cell(4, 1).GetString());
        Assert.Equal("June 2026 (2026-06)", cover.Cell(4, 2).GetString());
        var summary = compliance.Worksheet("Summary");
        Assert.Equal("0.0%", summary.Cell(3, 3).Style.NumberFormat.Format);
        Assert.Contains(summary.Cell(3, 8).GetString(), EnglishVerdicts);
        var volumes = compliance.Worksheet("Volumes");
        Assert.Equal("\"£\"#,##0.00", volumes.Cell(3, 8).Style.NumberFormat.Format);
    }

    [Theory]
    [InlineData("sv-SE")]
    [InlineData("tr-TR")]
    public void Csv_outputs_and_file_names_are_byte_identical_whatever_the_current_culture(string culture)
    {
        var (current, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var root = Path.Combine(sample.Root, "culture-" + culture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            // Ingested and evaluated afresh under the culture: parsing is where a culture would show first.
            using var workspace = SamplePacks.NewWorkspace(Path.Combine(root, "store.duckdb"));
            new ExportIngestion(workspace.Store, workspace.Policies, workspace.Profiles, workspace.Pseudonymiser, workspace.Clock)
                .Ingest(ExportIngestion.Expand([Path.Combine(Policies.RepositoryPaths.Root, "sample-data", "exports")]));
            var outputs = workspace.MonthlyReport(SamplePacks.Version).Write(SamplePacks.Month, Path.Combine(root, "out"));

            Assert.Equal(
                sample.Outputs.Select(o => Path.GetRelativePath(sample.OutDir, o.Path)).Order(StringComparer.Ordinal),
                outputs.Select(o => Path.GetRelativePath(Path.Combine(root, "out"), o.Path)).Order(StringComparer.Ordinal));
            foreach (var measure in MonthlyReport.CsvMeasures)
            {
                Assert.Equal(File.ReadAllBytes(Path.Combine(sample.OutDir, measure + ".csv")), File.ReadAllBytes(Path.Combine(root, "out", measure + ".csv")));
            }
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (current, ui);
        }
    }
}
