using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ComplianceAnalytics.Clocks;
using ComplianceAnalytics.Measures;
using ComplianceAnalytics.Packs;
using ComplianceAnalytics.Publishing;
using ComplianceAnalytics.Tests.Packs;
using ComplianceAnalytics.Tests.Policies;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace ComplianceAnalytics.Tests.Publishing;

/// <summary>
/// The three packs of one month of the committed sample data, opened and checked as a reader
/// would: valid Open XML, the sheets and headers their definitions name, charts that read their
/// own table, figures equal to the CSV files, nothing computed from data, the same content twice.
/// </summary>
public sealed class MonthlyReportTests(SamplePacks sample) : IClassFixture<SamplePacks>
{
    public static readonly TheoryData<string> Packs = new() { "audit", "compliance", "director" };

    private static PackDefinition Definition(string pack) =>
        PackDefinitionLoader.Load(Path.Combine(RepositoryPaths.Root, "reports", pack + ".yaml"));

    private static readonly string[] PackNames = ["audit", "compliance", "director"];

    /// <summary>The firms of the sample with a control chart in June 2026, hence a board picture (Helpdesk has none).</summary>
    private static readonly string[] BoardOrgs = ["bluehat", "crediflex", "halo", "hexpress", "jpdit", "netservers"];

    [Fact]
    public void A_month_gives_the_four_csv_files_the_board_pictures_and_the_three_workbooks()
    {
        var names = sample.Outputs.Select(o => Path.GetRelativePath(sample.OutDir, o.Path)).ToList();
        // Each organisation's pack set in its own folder, then the cross-firm set SamplePacks configures;
        // the audit packs last, as they read the run log (MonthlyReport.Write).
        var scopes = sample.Workspace.Policies.All.Select(p => p.Org).Order(StringComparer.Ordinal).Append(MonthlyReport.GroupFolder).ToList();

        Assert.Equal(
            ["attainment.csv", "durations.csv", "adr_letters.csv", "customer_windows.csv",
             .. BoardOrgs.Select(o => $"{o}/board-{o}-2026-06.png"),
             .. scopes.SelectMany(o => PackNames.Where(p => p != "audit").Select(p => $"{o}/{p}-{o}-2026-06.xlsx")),
             .. scopes.Select(o => $"{o}/audit-{o}-2026-06.xlsx")],
            names);
        Assert.All(sample.Outputs, o => Assert.Equal(OutputFile.Of(o.Path).Sha256, o.Sha256));
    }

    [Theory]
    [InlineData("audit")]
    [InlineData("compliance")]
    public void Work_given_to_run_while_the_workbooks_are_written_runs_once_before_the_run_log_is_read_and_its_files_are_returned(string pack)
    {
        var folder = Path.Combine(sample.Root, "while-" + pack);
        var extra = Path.Combine(folder, "extra.csv");
        var calls = 0;
        var auditWritten = true;
        var outputs = sample.Workspace.MonthlyReport(SamplePacks.Version).Write(
            SamplePacks.Month,
            folder,
            pack,
            whileWriting: () =>
            {
                calls++;
                // The audit packs read the run log after everything before them is written: the work comes first.
                auditWritten = File.Exists(MonthlyReport.WorkbookPath(folder, "audit", "halo", SamplePacks.Month));
                File.WriteAllText(extra, "x");
                return [OutputFile.Of(extra)];
            });

        Assert.Equal(1, calls);
        Assert.False(auditWritten);
        Assert.Contains(outputs, o => o.Path == extra);
        Assert.Contains(outputs, o => o.Path == MonthlyReport.WorkbookPath(folder, pack, "halo", SamplePacks.Month));
    }

    [Theory]
    [MemberData(nameof(Packs))]
    public void Every_workbook_is_valid_open_xml(string pack)
    {
        using var document = SpreadsheetDocument.Open(sample.Workbook(pack), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2010).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();

        Assert.Empty(errors);
    }

    [Theory]
    [MemberData(nameof(Packs))]
    public void Sheets_and_headers_are_those_of_the_definition(string pack)
    {
        var definition = Definition(pack);
        var workbook = WorkbookCells.Read(sample.Workbook(pack));

        // The Breach timelines sheet is added after the definition's sheets are written (BreachTimelinesTests).
        Assert.Equal(definition.Sheets.Select(s => s.Name), workbook.Sheets.Select(s => s.Name).Where(n => n != BreachTimelines.SheetName));
        foreach (var sheet in definition.Sheets)
        {
            var cells = workbook[sheet.Name];
            Assert.Equal(sheet.Description, cells.At(WorkbookWriter.TitleRow, 1));
            var expected = sheet.Columns!.Where(c => c.SourcePattern is null).Select(c => c.Header ?? c.Source).ToList();
            // The cross-firm workbook adds an Organisation column first where the definition shows none.
            var headers = cells.Headers(WorkbookWriter.HeaderRow) is var all && all[0] == MonthlyReport.OrganisationHeader && expected[0] != MonthlyReport.OrganisationHeader
                ? all.Skip(1).ToList()
                : all;
            if (sheet.Columns!.Any(c => c.SourcePattern is not null))
            {
                // The heatmap's twelve months sit among its fixed columns.
                Assert.Equal(expected, headers.Where(h => !Regex.IsMatch(h, @"^\d{4}-\d{2}$")));
                Assert.Equal(12, headers.Count(h => Regex.IsMatch(h, @"^\d{4}-\d{2}$")));
            }
            else
            {
                Assert.Equal(expected, headers.Take(expected.Count));
            }

            Assert.Equal(0, cells.Formulas);
        }
    }

    [Theory]
    [MemberData(nameof(Packs))]
    public void Every_chart_reads_its_own_sheet_within_the_table(string pack)
    {
        var workbook = WorkbookCells.Read(sample.Workbook(pack));
        var charts = workbook.Sheets.SelectMany(s => s.Charts.Select(c => (Sheet: s, Chart: c))).ToList();

        Assert.NotEmpty(charts);
        foreach (var (sheet, chart) in charts)
        {
            var lastRow = Enumerable.Range(WorkbookWriter.FirstDataRow, 200_000).First(r => sheet.At(r, 1) is null) - 1;
            var width = sheet.Headers(WorkbookWriter.HeaderRow).Count;
            foreach (var formula in chart.Formulas)
            {
                var match = Regex.Match(formula, @"^'(?<sheet>(?:[^']|'')+)'!\$(?<c1>[A-Z]+)\$(?<r1>\d+):\$(?<c2>[A-Z]+)\$(?<r2>\d+)$");
                Assert.True(match.Success, $"{sheet.Name}: '{formula}' is not a plain range");
                Assert.Equal(sheet.Name, match.Groups["sheet"].Value.Replace("''", "'", StringComparison.Ordinal));
                var (r1, c1) = WorkbookCells.Parse(match.Groups["c1"].Value + match.Groups["r1"].Value);
                var (r2, c2) = WorkbookCells.Parse(match.Groups["c2"].Value + match.Groups["r2"].Value);
                Assert.Equal(c1, c2);
                Assert.InRange(c1, 1, width);
                Assert.InRange(r1, WorkbookWriter.HeaderRow, lastRow);
                Assert.InRange(r2, r1, lastRow);
            }
        }
    }

    [Fact]
    public void Sla_by_stage_durations_adr_letters_and_customer_windows_equal_the_csv_files()
    {
        var workbook = WorkbookCells.Read(sample.Workbook("compliance"));
        AssertSheetEqualsCsv(workbook["Durations"], "durations.csv", ["org", "measure", "n", "mean", "median", "p90", "max"]);
        // June 2026 is covered to its end for every firm: the pack's SLA by stage and ADR letters
        // (stage names, the firm's name) count what the CSV files count.
        var sla = workbook["SLA by stage"].Rows(WorkbookWriter.HeaderRow);
        foreach (var (header, column) in new[] { ("Met", "met"), ("Met after extension", "met_extended"), ("Breached", "breached"), ("Open past limit", "open_breached") })
        {
            Assert.Equal(Csv("attainment.csv").Sum(r => long.Parse(r[column], CultureInfo.InvariantCulture)), sla.Sum(r => long.Parse(r[header]!, CultureInfo.InvariantCulture)));
        }

        Assert.All(sla, r => Assert.Equal("0", r["Open, due after data stops"]));
        var adr = workbook["ADR letters"].Rows(WorkbookWriter.HeaderRow);
        Assert.Equal(Csv("adr_letters.csv").Sum(r => long.Parse(r["letters_missing"], CultureInfo.InvariantCulture)), adr.Sum(r => long.Parse(r["Letters missing"]!, CultureInfo.InvariantCulture)));
        AssertSheetEqualsCsv(workbook["Customer windows"], "customer_windows.csv", ["org", "window", "month", "requests", "late_requests"]);
    }

    [Fact]
    public void The_summary_counts_what_attainment_csv_counts()
    {
        var csv = Csv("attainment.csv").ToDictionary(r => (r["org"], r["stage"]));
        // Each firm's own Summary, its stages by name, in the firm's language (read back as the English headers).
        var summary = sample.Workspace.Policies.All
            .SelectMany(p => English(WorkbookCells.Read(sample.Workbook("compliance", p.Org))[ReportTexts.For(p.Language).Text("Summary")!].Rows(WorkbookWriter.HeaderRow), p.Language)
                .Select(row => (Org: p.Org, Id: p.Stages.Single(s => s.DisplayName == row["Stage"]).Id, Row: row)))
            .ToList();

        Assert.Equal(sample.Workspace.Policies.All.Sum(p => p.Stages.Count), summary.Count);
        var compared = 0;
        foreach (var (org, id, row) in summary)
        {
            var key = (org, id);
            if (!csv.TryGetValue(key, out var expected))
            {
                Assert.Equal("0", row["Stopped in month"]);
                continue;
            }

            long Count(string column) => long.Parse(expected[column], CultureInfo.InvariantCulture);
            Assert.Equal(Count("met") + Count("met_extended") + Count("breached"), long.Parse(row["Stopped in month"]!, CultureInfo.InvariantCulture));
            Assert.Equal(Count("breached"), long.Parse(row["Breached"]!, CultureInfo.InvariantCulture));
            Assert.Equal(Count("open_breached"), long.Parse(row["Open past limit"]!, CultureInfo.InvariantCulture));
            // Cells hold 15 significant digits, as Excel does; the CSV files keep the full double.
            Assert.Equal(Number(expected["attainment"]) ?? double.NaN, Number(row["Attainment"]) ?? double.NaN, 12);
            compared++;
        }

        Assert.True(compared >= 10, $"only {compared} stages had figures to compare");
    }

    /// <summary>Rows keyed by the English headers of the compliance pack's Summary: each translated header mapped back.</summary>
    private static List<Dictionary<string, string?>> English(IEnumerable<IReadOnlyDictionary<string, string?>> rows, string language)
    {
        var texts = ReportTexts.For(language);
        var summary = PackCatalog.Load(Path.Combine(RepositoryPaths.Root, "reports")).Select("compliance")[0].Definition.Sheets.Single(s => s.Name == "Summary");
        var english = summary.Columns!.ToDictionary(c => texts.Text(c.Header)!, c => c.Header!, StringComparer.Ordinal);
        return rows.Select(r => r.ToDictionary(c => english.GetValueOrDefault(c.Key, c.Key), c => c.Value, StringComparer.Ordinal)).ToList();
    }

    [Fact]
    public void The_breach_register_lists_each_breach_the_attainment_counts()
    {
        var csv = Csv("attainment.csv");
        var register = WorkbookCells.Read(sample.Workbook("compliance"))["Breach register"].Rows(WorkbookWriter.HeaderRow);

        Assert.Equal(csv.Sum(r => long.Parse(r["breached"], CultureInfo.InvariantCulture)), register.Count(r => r["Status"] == "breached"));
        Assert.Equal(csv.Sum(r => long.Parse(r["open_breached"], CultureInfo.InvariantCulture)), register.Count(r => r["Status"] == "open_breached"));
        Assert.All(register, r => Assert.True(long.Parse(r["Business days late"]!, CultureInfo.InvariantCulture) >= 0));
    }

    [Fact]
    public void Each_due_soon_row_says_why_as_explain_says_it_for_that_instance()
    {
        var dueSoon = WorkbookCells.Read(sample.Workbook("compliance"))["Due soon"].Rows(WorkbookWriter.HeaderRow);
        Assert.NotEmpty(dueSoon);
        foreach (var row in dueSoon)
        {
            var policy = sample.Workspace.Policies.All.Single(p => p.Name == row[MonthlyReport.OrganisationHeader]);
            var stage = policy.Stages.Single(s => s.DisplayName == row["Stage"]);
            var explained = CaseExplanation.Explain(
                sample.Workspace.Store, sample.Workspace.Policies, policy.Org, row["Case"]!, ReportContext.MonthEnd(SamplePacks.Month, policy.TimeZone), ReportTexts.English, eventsBeforeAsOf: true);
            // A stage has at most one open instance at a time: the row's.
            var open = explained.Stages.Single(e => e.Instance.Stage == stage.Id && e.Instance.StoppedAt is null);
            // The same clock's steps in the firm's language (explain's own is English).
            Assert.Equal(WhyText.Sentence(open.Instance, open.Trace, policy, explained.AsOf, ReportTexts.For(policy.Language)), row["Why"]);
        }
    }

    [Fact]
    public void The_same_store_month_and_clock_give_the_same_workbooks()
    {
        sample.Write("again");

        foreach (var pack in new[] { "audit", "compliance", "director" })
        {
            var again = MonthlyReport.WorkbookPath(Path.Combine(sample.Root, "again"), pack, MonthlyReport.GroupFolder, SamplePacks.Month);
            Assert.Equal(SheetSnapshot.Describe(sample.Workbook(pack)), SheetSnapshot.Describe(again));
        }
    }

    [Fact]
    public void The_pack_option_writes_one_workbook_beside_the_csv_files_and_an_unknown_pack_names_the_known_ones()
    {
        var outputs = sample.Write("only-director", "director");
        var error = Assert.Throws<ArgumentException>(() => sample.Write("unknown", "board"));

        // The director's board pictures go with the director pack, in each firm's folder.
        Assert.Equal(
            ["attainment.csv", "durations.csv", "adr_letters.csv", "customer_windows.csv",
             .. sample.Workspace.Policies.All.Select(p => p.Org).Order(StringComparer.Ordinal).Append(MonthlyReport.GroupFolder).Select(o => $"director-{o}-2026-06.xlsx")],
            outputs.Select(o => Path.GetFileName(o.Path)).Where(n => !n.StartsWith("board-", StringComparison.Ordinal)));
        Assert.Equal(
            BoardOrgs.Select(o => $"{o}/board-{o}-2026-06.png"),
            outputs.Where(o => Path.GetFileName(o.Path).StartsWith("board-", StringComparison.Ordinal))
                .Select(o => Path.GetRelativePath(Path.GetDirectoryName(Path.GetDirectoryName(o.Path))!, o.Path)));
        Assert.Contains("'board'", error.Message, StringComparison.Ordinal);
        Assert.Contains("audit, compliance, director", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every sheet of every pack against its approved dump in <c>approved/</c>. On a difference the
    /// new dump is written beside it as <c>.received.txt</c>; review it, then approve it with
    /// <c>APPROVE_SNAPSHOTS=1 dotnet test</c>.
    /// </summary>
    [Theory]
    [MemberData(nameof(Packs))]
    public void Each_pack_matches_its_approved_snapshot(string pack)
    {
        var actual = SheetSnapshot.Describe(sample.Workbook(pack));
        ApprovedSnapshot.Verify(actual, ApprovedPath(pack + "-2026-06.txt"));
    }

    private void AssertSheetEqualsCsv(SheetCells sheet, string csvName, string[] columns)
    {
        var csv = Csv(csvName);
        var rows = sheet.Rows(WorkbookWriter.HeaderRow).Where(r => r.Values.First() != WorkbookWriter.NoDataText).ToList();
        var headers = sheet.Headers(WorkbookWriter.HeaderRow);

        Assert.Equal(csv.Count, rows.Count);
        for (var i = 0; i < csv.Count; i++)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                var expected = csv[i][columns[c]];
                var actual = rows[i][headers[c]] ?? "";
                if (double.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    Assert.Equal(number, Number(actual) ?? double.NaN, 9);
                }
                else
                {
                    Assert.Equal(expected, actual);
                }
            }
        }
    }

    private List<Dictionary<string, string>> Csv(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(sample.OutDir, name));
        var header = lines[0].Split(',');
        // The measure files hold no quoted commas: org ids, stage ids and numbers.
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    private static double? Number(string? text) =>
        string.IsNullOrEmpty(text) ? null : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string ApprovedPath(string name, [CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "approved", name);
}
