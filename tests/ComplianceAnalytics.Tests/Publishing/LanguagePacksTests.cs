using System.Globalization;
using ClosedXML.Excel;
using ComplianceAnalytics.Hosting;
using ComplianceAnalytics.Measures;
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

    [Fact]
    public void The_why_of_a_breach_is_in_the_firms_language_and_unchanged_in_English()
    {
        static List<string> Whys(XLWorkbook workbook, string sheet, string header)
        {
            var register = workbook.Worksheet(sheet);
            var column = register.Row(2).CellsUsed().Single(c => c.GetString() == header).Address.ColumnNumber;
            return [.. register.Column(column).CellsUsed().Where(c => c.Address.RowNumber > 2).Select(c => c.GetString())];
        }

        using var hexpress = new XLWorkbook(WorkbookCells.WithoutPictures(sample.Workbook("compliance", "hexpress"), sample.Root));
        var swedish = Whys(hexpress, "Överträdelseregister", "Varför");
        Assert.NotEmpty(swedish);
        Assert.All(swedish, w => Assert.Matches(@"^(Överskriden: .+ \d+ (arbetsdag|arbetsdagar|dag|dagar|timme|timmar)|Öppen efter sin tidsfrist vid) .*efter tidsfristen [a-zåäö]{3,4} \d{1,2} [a-zåäö]+ \d{4}[;.]", w));
        Assert.All(swedish, w => Assert.DoesNotMatch("working day|deadline|Breached|started by", w));
        // Swedish day and month names: a register's dates are in some month of the year, written out.
        Assert.Contains(swedish, w => System.Text.RegularExpressions.Regex.IsMatch(w, @"\b(mån|tis|ons|tors|fre) \d{1,2} (januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december) 2026\b"));

        // Halo had no breach in the month; JPDIT, English too, had several.
        using var jpdit = new XLWorkbook(WorkbookCells.WithoutPictures(sample.Workbook("compliance", "jpdit"), sample.Root));
        var english = Whys(jpdit, "Breach register", "Why");
        Assert.NotEmpty(english);
        Assert.All(english, w => Assert.Matches("^(Breached: .+ after the deadline of|Open past its deadline at) ", w));
    }

    /// <summary>
    /// The product's own words in cells (statuses, groups, kinds of personal data and what was done,
    /// findings, counted things) read in the firm's language; ids and values the firm gave stay as given.
    /// Each pair is (sheet of the English pack, English value, Swedish value).
    /// </summary>
    public static TheoryData<string, string, string, string> ProductValues() => new()
    {
        { "audit", "Personal data summary", "personal", "personuppgift" },
        { "audit", "Personal data summary", "pseudonymised: keyed HMAC-SHA256 into customer_key; the value is not stored", "pseudonymiserat: nyckelad HMAC-SHA256 till customer_key; värdet lagras inte" },
        { "audit", "Personal data", "dropped while reading: never stored", "borttaget vid inläsningen: lagras aldrig" },
        { "audit", "Policy history", "(first version seen)", "(första versionen som setts)" },
        { "audit", "DP cases", "open_within", "öppen, inom tidsgräns" },
        { "compliance", "Data quality", "rejected row", "avvisad rad" },
        { "compliance", "Method", "always", "alltid" },
        { "compliance", "Durations", "escalation_response", "eskaleringssvar" },
        { "director", "Root causes", "root cause", "grundorsak" },
        { "director", "Root causes", "upheld complaints", "bifallna klagomål" },
        { "director", "Outcomes by group", "customer type", "kundtyp" },
        { "director", "Outcomes by group", "not vulnerable", "inte sårbar" },
        { "director", "Outcomes by group", "12 months", "12 månader" },
        { "compliance", "Counting rules", "Stage instance", "Steginstans" },
        { "compliance", "Counting rules", "N hours after the start, to the second.", "N timmar efter starten, på sekunden." },
        { "compliance", "Manifest", "report month", "rapportmånad" },
    };

    [Fact]
    public void Data_quality_names_a_clocks_finding_by_its_stage_name()
    {
        using var hexpress = new XLWorkbook(WorkbookCells.WithoutPictures(sample.Workbook("compliance", "hexpress"), sample.Root));
        var cells = Texts(hexpress.Worksheet(ReportTexts.For("sv").Text("Data quality")));
        Assert.Contains("Klagomålsteamets svar", cells);
        Assert.DoesNotContain("complaints_team_response", cells);
    }

    [Theory]
    [MemberData(nameof(ProductValues))]
    public void The_products_own_cell_values_are_in_the_firms_language_and_unchanged_in_English(string pack, string sheet, string english, string swedish)
    {
        using var halo = new XLWorkbook(WorkbookCells.WithoutPictures(sample.Workbook(pack, "halo"), sample.Root));
        Assert.Contains(english, Texts(halo.Worksheet(sheet)));

        using var hexpress = new XLWorkbook(WorkbookCells.WithoutPictures(sample.Workbook(pack, "hexpress"), sample.Root));
        var cells = Texts(hexpress.Worksheet(ReportTexts.For("sv").Text(sheet)));
        Assert.Contains(swedish, cells);
        Assert.DoesNotContain(english, cells);
    }

    [Fact]
    public void A_charts_words_about_its_cases_are_in_the_firms_language()
    {
        using var hexpress = new XLWorkbook(WorkbookCells.WithoutPictures(sample.Workbook("compliance", "hexpress"), sample.Root));
        Assert.Contains(Texts(hexpress.Worksheet("Varaktigheter")), t => t.EndsWith(" / inga ärenden", StringComparison.Ordinal));
        using var halo = new XLWorkbook(WorkbookCells.WithoutPictures(sample.Workbook("compliance", "halo"), sample.Root));
        Assert.Contains(Texts(halo.Worksheet("Durations")), t => t.EndsWith(" / no cases", StringComparison.Ordinal) || t.EndsWith(" cases", StringComparison.Ordinal));
    }

    [Fact]
    public void A_text_column_is_as_wide_as_its_longest_value_in_either_language_and_otherwise_as_defined()
    {
        // DP cases' Status is 14 wide for "open_breached"; "öppen, inom tidsgräns" needs more.
        using var hexpress = new XLWorkbook(WorkbookCells.WithoutPictures(sample.Workbook("audit", "hexpress"), sample.Root));
        var register = hexpress.Worksheet("Dataskyddsärenden");
        var status = register.Row(2).CellsUsed().Single(c => c.GetString() == "Status").Address.ColumnNumber;
        var longest = register.Column(status).CellsUsed().Skip(1).Max(c => c.GetString().Length);
        Assert.True(longest > 12, $"the longest status has {longest} characters");
        Assert.True(register.Column(status).Width >= longest + 2, $"width {register.Column(status).Width} for {longest} characters");

        using var halo = new XLWorkbook(WorkbookCells.WithoutPictures(sample.Workbook("audit", "halo"), sample.Root));
        var english = halo.Worksheet("DP cases");
        Assert.Equal(14, english.Column(english.Row(2).CellsUsed().Single(c => c.GetString() == "Status").Address.ColumnNumber).Width);

        // An English firm's own stage names grow their column too: "Department manager's response" was cut at 24.
        using var director = new XLWorkbook(WorkbookCells.WithoutPictures(sample.Workbook("director", "halo"), sample.Root));
        var charts = director.Worksheet("Control charts");
        var stage = charts.Column(charts.Row(2).CellsUsed().Single(c => c.GetString() == "Stage").Address.ColumnNumber);
        Assert.Contains("Department manager's response", stage.CellsUsed().Select(c => c.GetString()));
        Assert.True(stage.Width >= "Department manager's response".Length + 2, $"width {stage.Width}");
    }

    private static HashSet<string> Texts(IXLWorksheet sheet) =>
        sheet.CellsUsed().Where(c => c.DataType == XLDataType.Text).Select(c => c.GetString()).ToHashSet(StringComparer.Ordinal);

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
