using System.Globalization;
using ClosedXML.Excel;
using ComplianceAnalytics.Measures;
using ComplianceAnalytics.Publishing;

namespace ComplianceAnalytics.Tests.Publishing;

/// <summary>The complaints return of the committed sample for 2026-H1: the identity of contract §7 and the FCA firm's workbook.</summary>
public sealed class SampleReturnTests(SamplePacks sample) : IClassFixture<SamplePacks>
{
    private static readonly ReturnPeriod Period = ReturnPeriod.Parse("2026-H1");

    [Fact]
    public void Every_row_keeps_outstanding_end_equal_to_outstanding_start_plus_opened_less_closed_and_its_bands_add_up()
    {
        var rows = Write("return-identity");
        Assert.NotEmpty(rows);
        Assert.All(rows, f =>
        {
            Assert.Equal(f["outstanding_start"] + f["opened"] - f["closed"], f["outstanding_end"]);
            Assert.Equal(f["closed"], f["closed_within_3bd"] + f["closed_3bd_to_8w"] + f["closed_after_8w"]);
            Assert.InRange(f["upheld"], 0, f["closed"]);
            Assert.InRange(f["vulnerable_upheld"], 0, f["vulnerable_closed"]);
        });
    }

    [Fact]
    public void The_fca_firm_reports_two_legal_entities_and_its_workbook_has_a_block_for_each()
    {
        var dir = Path.Combine(sample.Root, "return-crediflex");
        sample.Workspace.ComplaintsReturn(SamplePacks.Version).Write(Period, dir);
        var entities = File.ReadAllLines(Path.Combine(dir, "complaints_return.csv"))
            .Where(l => l.StartsWith("crediflex,", StringComparison.Ordinal) && l.Split(',')[3] == "*")
            .Select(l => l.Split(',')[1])
            .ToList();
        Assert.Equal(["Crediflex Cards Ltd", "Crediflex Lending Ltd"], entities);

        using var workbook = new XLWorkbook(Path.Combine(dir, "crediflex", ComplaintsReturn.WorkbookName(Period)));
        var blocks = workbook.Worksheet("Return").CellsUsed()
            .Select(c => c.GetString())
            .Where(t => t.StartsWith("Legal entity: ", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(["Legal entity: Crediflex Cards Ltd", "Legal entity: Crediflex Lending Ltd"], blocks);
        Assert.StartsWith("No legal entity had 500", workbook.Worksheet("Publication").Cell(5, 1).GetString(), StringComparison.Ordinal);
    }

    private List<Dictionary<string, long>> Write(string folder)
    {
        var dir = Path.Combine(sample.Root, folder);
        sample.Workspace.ComplaintsReturn(SamplePacks.Version).Write(Period, dir, workbooks: false);
        var lines = File.ReadAllLines(Path.Combine(dir, "complaints_return.csv"));
        var header = lines[0].Split(',');
        return lines.Skip(1)
            .Select(l => l.Split(','))
            .Select(v => header.Select((h, i) => (h, i))
                .Where(x => x.h is not ("org" or "legal_entity" or "period" or "product" or "redress"))
                .ToDictionary(x => x.h, x => long.Parse(v[x.i], CultureInfo.InvariantCulture), StringComparer.Ordinal))
            .ToList();
    }
}
