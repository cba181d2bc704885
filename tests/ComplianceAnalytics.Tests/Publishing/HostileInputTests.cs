using System.Globalization;
using ComplianceAnalytics.Hosting;
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
/// Text from an export that looks like a formula, a hyperlink or a control sequence reaches the
/// packs as text: every sheet of every workbook is searched for formulas and hyperlinks, and the
/// breach register shows the values exactly as they arrived.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private const string Policy = """
        org: acme
        name: Acme Bank
        time_zone: Europe/London
        stages:
          - id: acknowledgement
            start: [complaint_received]
            stop: [acknowledged]
            limit: 1 day
        """;

    private readonly TempPolicies _policies = new TempPolicies().With("acme.yaml", Policy);
    private readonly string _folder = PackFixtures.TempFolder();

    public void Dispose()
    {
        _policies.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Formula_like_values_from_an_export_stay_text_in_every_workbook()
    {
        string[] hostile = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "=1+1\r\n=2"];
        var csv = new System.Text.StringBuilder("org,case_ref,event_type,occurred_at,team,category,channel\n");
        for (var i = 0; i < hostile.Length; i++)
        {
            var quoted = "\"" + hostile[i].Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            // Acknowledged nine days after a one-day limit: each case is in the breach register.
            csv.Append(CultureInfo.InvariantCulture, $"acme,H{i},complaint_received,2026-06-0{i + 1}T09:00:00Z,{quoted},{quoted},{quoted}\n");
            csv.Append(CultureInfo.InvariantCulture, $"acme,H{i},acknowledged,2026-06-{i + 10}T09:00:00Z,,,\n");
        }

        var export = Path.Combine(_folder, "acme.csv");
        File.WriteAllText(export, csv.ToString());
        var options = SamplePacks.Options(Path.Combine(_folder, "store.duckdb"));
        options.PoliciesFolder = _policies.Folder;
        using var workspace = new ComplianceWorkspace(options, new FixedClock(SamplePacks.Now), NullLoggerFactory.Instance);
        var ingest = new ExportIngestion(workspace.Store, workspace.Policies, [], workspace.Pseudonymiser, workspace.Clock).Ingest([export]);
        Assert.Equal(hostile.Length * 2, ingest.Files.Single().RowsLoaded);

        var outputs = workspace.MonthlyReport(SamplePacks.Version).Write(new YearMonth(2026, 6), Path.Combine(_folder, "out"));

        foreach (var workbook in outputs.Where(o => o.Path.EndsWith(".xlsx", StringComparison.Ordinal)))
        {
            using var document = SpreadsheetDocument.Open(workbook.Path, false);
            foreach (var sheet in document.WorkbookPart!.WorksheetParts)
            {
                Assert.Empty(sheet.Worksheet.Descendants<CellFormula>());
                Assert.Empty(sheet.Worksheet.Descendants<Hyperlinks>());
                Assert.Empty(sheet.HyperlinkRelationships);
            }
        }

        var register = WorkbookCells.Read(outputs.Single(o => o.Path.EndsWith("compliance-acme-2026-06.xlsx", StringComparison.Ordinal)).Path)["Breach register"]
            .Rows(ComplianceAnalytics.Packs.WorkbookWriter.HeaderRow);
        Assert.Equal(hostile.Length, register.Count);
        // Ingestion trims white space around every value (docs/ingestion.md); nothing else changes.
        var stored = hostile.Select(h => h.Trim()).ToList();
        Assert.Equal(stored, register.Select(r => r["Team"]));
        Assert.Equal(stored, register.Select(r => r["Category"]));
    }
}
