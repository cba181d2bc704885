using System.Text.RegularExpressions;
using ComplianceAnalytics.Clocks;
using ComplianceAnalytics.Hosting;
using ComplianceAnalytics.Measures;
using ComplianceAnalytics.Packs;
using ComplianceAnalytics.Publishing;
using ComplianceAnalytics.Tests.Ingestion;
using ComplianceAnalytics.Tests.Packs;
using ComplianceAnalytics.Tests.Policies;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace ComplianceAnalytics.Tests.Publishing;

/// <summary>
/// One pack set per organisation: nothing of another firm in a firm's workbooks, the cover's
/// coverage and verdict for a full month, a month cut short and a month with no data, and the print
/// settings of every sheet.
/// </summary>
public sealed class OrgPacksTests(SamplePacks sample) : IClassFixture<SamplePacks>, IDisposable
{
    private const string Policy = """
        org: acme
        name: Acme Bank
        time_zone: Europe/London
        stages:
          - id: acknowledgement
            name: Acknowledgement
            start: [complaint_received]
            stop: [acknowledged]
            limit: 2 days
            target: 90%
        """;

    private static readonly string[] PackNames = ["audit", "compliance", "director"];

    private readonly TempPolicies _policies = new TempPolicies().With("acme.yaml", Policy);
    private readonly string _folder = PackFixtures.TempFolder();

    public void Dispose()
    {
        _policies.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void A_firms_workbooks_hold_no_name_id_case_or_file_of_another_firm()
    {
        var policies = sample.Workspace.Policies.All;
        var cases = policies.ToDictionary(
            p => p.Org,
            p => sample.Workspace.Store.Connection.Query("SELECT DISTINCT case_ref FROM events WHERE org = $1 ORDER BY case_ref LIMIT 40", p.Org) is var reader
                ? ReadStrings(reader)
                : []);
        foreach (var policy in policies)
        {
            var text = string.Join("\n", PackNames.Select(p => SheetSnapshot.Describe(sample.Workbook(p, policy.Org))));
            Assert.Contains(policy.Name, text, StringComparison.Ordinal);
            foreach (var other in policies.Where(o => o.Org != policy.Org))
            {
                Assert.DoesNotContain(other.Name, text, StringComparison.Ordinal);
                Assert.False(Regex.IsMatch(text, $@"\b{Regex.Escape(other.Org)}\b"), $"{policy.Org}'s packs name {other.Org}");
                Assert.All(cases[other.Org].Where(c => !cases[policy.Org].Contains(c)), c => Assert.DoesNotContain($"\"{c}\"", text, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void Every_sheet_prints_fitted_to_width_with_repeated_headers_and_a_page_header_naming_firm_pack_and_month()
    {
        foreach (var pack in PackNames)
        {
            using var document = SpreadsheetDocument.Open(sample.Workbook(pack, "halo"), false);
            var workbook = document.WorkbookPart!;
            var titles = workbook.Workbook.DefinedNames!.Elements<DefinedName>().Where(d => d.Text.Length > 0 && d.Name == "_xlnm.Print_Titles").ToList();
            // The header row repeated on every printed page of every sheet with a table (Breach timelines has pictures, no header row).
            Assert.Equal(workbook.Workbook.Sheets!.Elements<Sheet>().Count(s => s.Name != BreachTimelines.SheetName), titles.Count);
            Assert.All(titles, t => Assert.EndsWith("2:2", t.Text, StringComparison.Ordinal));
            foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
            {
                var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
                var setup = part.Worksheet.GetFirstChild<PageSetup>()!;
                // Fitted to the page's width only (fitToWidth defaults to 1), never squeezed onto one page;
                // but the director's cover with its board picture, read as one page.
                var onePage = pack == BoardPicture.Pack && sheet == workbook.Workbook.Sheets!.Elements<Sheet>().First();
                Assert.Equal(onePage ? 1u : 0u, setup.FitToHeight!.Value);
                Assert.Null(setup.FitToWidth);
                Assert.True(part.Worksheet.GetFirstChild<SheetProperties>()!.PageSetupProperties!.FitToPage!.Value);
                var header = part.Worksheet.GetFirstChild<HeaderFooter>()!;
                Assert.Contains("Halo Connect", header.OddHeader!.Text, StringComparison.Ordinal);
                Assert.Contains(sheet.Name!.Value!, header.OddHeader!.Text, StringComparison.Ordinal);
                Assert.Contains("2026-06", header.OddHeader!.Text, StringComparison.Ordinal);
                Assert.Contains("Page &P of &N", header.OddFooter!.Text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void The_cover_comes_first_and_says_the_month_is_complete_cut_short_or_without_data()
    {
        Assert.All(PackNames, p => Assert.Equal("Cover", WorkbookCells.Read(sample.Workbook(p, "halo")).Sheets[0].Name));
        var full = Cover(sample.Workbook("compliance", "halo"));
        Assert.Equal("Halo Connect", full["Organisation"]);
        Assert.Equal("June 2026 (2026-06)", full["Month"]);
        Assert.StartsWith("Complete for the month", full["Data coverage"], StringComparison.Ordinal);
        // The verdict and the stage lines agree with the Summary's rows (one rule, judge()).
        var summary = WorkbookCells.Read(sample.Workbook("compliance", "halo"))["Summary"].Rows(WorkbookWriter.HeaderRow);
        var green = summary.Count(r => r["Verdict"] == "Green");
        var judged = summary.Count(r => r["Verdict"] is "Green" or "Amber" or "Red");
        Assert.StartsWith($"{green} of {judged} stages judged met their target", full["Verdict"], StringComparison.Ordinal);
        foreach (var row in summary.Where(r => r["Verdict"] is "Amber" or "Red"))
        {
            Assert.Contains($"stopped met the limit of {row["Limit"]}", full[$"{row["Stage"]} ({row["Verdict"]})"], StringComparison.Ordinal);
        }

        Assert.StartsWith("No data: no export", Cover(sample.Workbook("compliance", "helpdesk"))["Data coverage"], StringComparison.Ordinal);

        // Acme's export stops on 12 June: one case breached on the 3rd, one open and due on the 15th.
        var export = Path.Combine(_folder, "acme.csv");
        File.WriteAllText(export, """
            org,case_ref,event_type,occurred_at
            acme,A1,complaint_received,2026-06-01T09:00:00Z
            acme,A1,acknowledged,2026-06-05T09:00:00Z
            acme,A2,complaint_received,2026-06-12T09:00:00Z
            """);
        var options = SamplePacks.Options(Path.Combine(_folder, "store.duckdb"));
        options.PoliciesFolder = _policies.Folder;
        options.CrossFirmPack = false;
        using var workspace = new ComplianceWorkspace(options, new FixedClock(SamplePacks.Now), NullLoggerFactory.Instance);
        new ExportIngestion(workspace.Store, workspace.Policies, [], workspace.Pseudonymiser, workspace.Clock).Ingest([export]);
        var report = workspace.MonthlyReport(SamplePacks.Version);

        report.Write(new YearMonth(2026, 6), Path.Combine(_folder, "june"));
        report.Write(new YearMonth(2026, 7), Path.Combine(_folder, "july"));

        var june = MonthlyReport.WorkbookPath(Path.Combine(_folder, "june"), "compliance", "acme", new YearMonth(2026, 6));
        var cutShort = Cover(june);
        Assert.Equal("Incomplete: no data received after 12 June 2026 10:00 (last file acme.csv). Figures are as at 12 June 2026 10:00; nothing due after it is counted as a breach, a backlog past its limit or a missing ADR letter.", cutShort["Data coverage"]);
        Assert.Equal("No stage stopped enough instances to be judged (5 or more are needed).", cutShort["Verdict"]);
        Assert.Equal("0 stage instance(s) open past their limit as at the last event received (Breach register, Backlog).", cutShort["Open past limit"]);
        var register = WorkbookCells.Read(june)["Breach register"].Rows(WorkbookWriter.HeaderRow);
        Assert.Equal(["A1"], register.Select(r => r["Case"]));
        // The contract's CSV keeps its own semantics: A2 is open past its limit at the month's end.
        Assert.Contains("acme,acknowledgement,2026-06,0,0,1,0,1,", File.ReadAllText(Path.Combine(_folder, "june", "attainment.csv")), StringComparison.Ordinal);

        var july = Cover(MonthlyReport.WorkbookPath(Path.Combine(_folder, "july"), "compliance", "acme", new YearMonth(2026, 7)));
        Assert.StartsWith("No data received after 12 June 2026 10:00 (last file acme.csv): nothing in this month is presented as a finding", july["Data coverage"], StringComparison.Ordinal);
        Assert.Equal("No verdict: there is no data for this month.", july["Verdict"]);
        Assert.False(Directory.Exists(Path.Combine(_folder, "july", MonthlyReport.GroupFolder)));
    }

    [Fact]
    public void Due_soon_lists_what_is_open_and_due_within_the_next_working_days()
    {
        // As of Wednesday 1 July 2026: A1 is past its limit already, A2 (received Tuesday 30 June) is due
        // on Thursday 2 July, the second working day; A3 is acknowledged.
        var export = Path.Combine(_folder, "acme.csv");
        File.WriteAllText(export, """
            org,case_ref,event_type,occurred_at
            acme,A1,complaint_received,2026-06-26T09:00:00Z
            acme,A2,complaint_received,2026-06-30T09:00:00Z
            acme,A3,complaint_received,2026-06-29T09:00:00Z
            acme,A3,acknowledged,2026-06-30T10:00:00Z
            """);
        var asOf = Instant.FromUtc(2026, 6, 30, 23, 0);
        (string Path, string ExplainedWhy) Write(int days)
        {
            var options = SamplePacks.Options(Path.Combine(_folder, $"store-{days}.duckdb"));
            options.PoliciesFolder = _policies.Folder;
            options.CrossFirmPack = false;
            options.DueSoonWorkingDays = days;
            using var workspace = new ComplianceWorkspace(options, new FixedClock(SamplePacks.Now), NullLoggerFactory.Instance);
            new ExportIngestion(workspace.Store, workspace.Policies, [], workspace.Pseudonymiser, workspace.Clock).Ingest([export]);
            var outDir = Path.Combine(_folder, $"due-{days}");
            workspace.MonthlyReport(SamplePacks.Version).Write(new YearMonth(2026, 6), outDir, "compliance");
            // What `compliance explain` says of A2 at the month's end (00:00 BST on 1 July), as the month's figures see it.
            var explained = CaseExplanation.Explain(workspace.Store, workspace.Policies, "acme", "A2", asOf, ReportTexts.English, eventsBeforeAsOf: true);
            return (MonthlyReport.WorkbookPath(outDir, "compliance", "acme", new YearMonth(2026, 6)), Assert.Single(explained.Stages).Why);
        }

        var (two, explainedWhy) = Write(2);
        var rows = WorkbookCells.Read(two)["Due soon"].Rows(WorkbookWriter.HeaderRow);
        var row = Assert.Single(rows);
        Assert.Equal("A2", row["Case"]);
        Assert.Equal("Acknowledgement", row["Stage"]);
        Assert.Equal("2", row["Working day (1 = next)"]);
        // Received Tue 30 June 10:00 BST, 2 calendar days: due at the end of Thu 2 July.
        Assert.Equal(
            "Open within its limit at Tue 30 Jun 2026: due by Thu 2 Jul 2026; "
            + "started by complaint received on Tue 30 Jun 2026 with 2 days (the only version of the limit), first due Thu 2 Jul 2026.",
            row["Why"]);
        Assert.Equal(explainedWhy, row["Why"]);
        Assert.Equal("1 stage instance(s) open and due within the next 2 working day(s) after the month's end (Due soon).", Cover(two)["Due soon"]);

        var (one, _) = Write(1);
        Assert.StartsWith("Nothing open is due", WorkbookCells.Read(one)["Due soon"].At(WorkbookWriter.FirstDataRow, 1), StringComparison.Ordinal);
    }

    [Fact]
    public void Redress_shows_the_policys_currency_and_the_cross_firm_pack_names_the_firm_on_every_row()
    {
        // A firm's amounts carry its policy's currency; the cross-firm pack's each row's own code.
        Assert.Contains("[\"£\"#,##0.00]", SheetSnapshot.Describe(sample.Workbook("director", "halo")), StringComparison.Ordinal);
        Assert.Contains("[#,##0.00 \"GBP\"]", SheetSnapshot.Describe(sample.Workbook("director")), StringComparison.Ordinal);
        var group = WorkbookCells.Read(sample.Workbook("compliance"));
        foreach (var sheet in new[] { "Summary", "SLA by stage", "Due soon" })
        {
            Assert.Equal(MonthlyReport.OrganisationHeader, group[sheet].Headers(WorkbookWriter.HeaderRow)[0]);
        }

        Assert.Contains(group["Summary"].Rows(WorkbookWriter.HeaderRow), r => r[MonthlyReport.OrganisationHeader] == "Halo Connect");
    }

    [Fact]
    public void The_audit_pack_sums_up_personal_data_handling_above_the_detail()
    {
        var audit = WorkbookCells.Read(sample.Workbook("audit", "halo"));
        Assert.Equal(["Cover", "Personal data summary", "Personal data"], audit.Sheets.Take(3).Select(s => s.Name));
        var email = Assert.Single(audit["Personal data summary"].Rows(WorkbookWriter.HeaderRow), r => r["Field"] == "customer_email");
        Assert.StartsWith("pseudonymised", email["What was done"], StringComparison.Ordinal);
        var detail = audit["Personal data"].Rows(WorkbookWriter.HeaderRow).Where(r => r["Field"] == "customer_email").ToList();
        Assert.Equal(detail.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), email["Files"]);
    }

    [Fact]
    public void An_empty_log_says_what_is_empty()
    {
        var audit = WorkbookCells.Read(sample.Workbook("audit", "halo"));

        Assert.StartsWith("No case has been purged yet", audit["Purge log"].At(WorkbookWriter.FirstDataRow, 1), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Cover(string workbook)
    {
        var cells = WorkbookCells.Read(workbook)["Cover"];
        var cover = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var row = WorkbookWriter.FirstDataRow; cells.At(row, 1) is { } item; row++)
        {
            cover[item] = cells.At(row, 2) ?? string.Empty;
        }

        return cover;
    }

    private static List<string> ReadStrings(global::ComplianceAnalytics.DuckDb.DuckDbReader reader)
    {
        using (reader)
        {
            var values = new List<string>();
            while (reader.Read())
            {
                values.Add(reader.GetString(0));
            }

            return values;
        }
    }
}
