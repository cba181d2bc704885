using System.Globalization;
using ClosedXML.Excel;
using ComplianceAnalytics.Hosting;
using ComplianceAnalytics.Measures;
using ComplianceAnalytics.Publishing;
using ComplianceAnalytics.SampleData;
using NodaTime;

namespace ComplianceAnalytics.Tests.Publishing;

/// <summary>
/// The Publication sheet on real data: a sample generated at test time (not committed) large enough that
/// a Crediflex legal entity has 500 or more complaints opened in 2026-H1, evaluated and written as
/// <c>report --period</c> does.
/// </summary>
public sealed class LargeSampleReturnTests : IDisposable
{
    private static readonly ReturnPeriod Period = ReturnPeriod.Parse("2026-H1");
    private readonly string _root = Directory.CreateTempSubdirectory("large-return-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void An_entity_with_500_or_more_opened_is_published_with_the_rates_of_its_return()
    {
        // 6000 cases of the seed organisations over the half-year bring Crediflex 1200 of its own.
        SampleExportGenerator.Write(new SampleOptions(6000, 7, Path.Combine(_root, "sample"), new LocalDate(2026, 1, 1), Months: 6));
        using var workspace = SamplePacks.NewWorkspace(Path.Combine(_root, "store.duckdb"));
        new ExportIngestion(workspace.Store, workspace.Policies, workspace.Profiles, workspace.Pseudonymiser, workspace.Clock)
            .Ingest(ExportIngestion.Expand([Path.Combine(_root, "sample", SampleExportGenerator.ExportsFolder)]));
        var dir = Path.Combine(_root, "out");
        workspace.ComplaintsReturn(SamplePacks.Version).Write(Period, dir);

        var lines = File.ReadAllLines(Path.Combine(dir, "complaints_return.csv"));
        var header = lines[0].Split(',').Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i, StringComparer.Ordinal);
        var entities = lines.Skip(1).Select(l => l.Split(','))
            .Where(v => v[header["org"]] == "crediflex" && v[header["product"]] == "*")
            .ToDictionary(v => v[header["legal_entity"]], v => header.Keys.Where(k => k is not ("org" or "legal_entity" or "period" or "product"))
                .ToDictionary(k => k, k => double.Parse(v[header[k]], CultureInfo.InvariantCulture), StringComparer.Ordinal), StringComparer.Ordinal);
        var published = entities.Where(e => e.Value["opened"] >= 500).OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        Assert.NotEmpty(published);

        using var workbook = new XLWorkbook(Path.Combine(dir, "crediflex", ComplaintsReturn.WorkbookName(Period)));
        var sheet = workbook.Worksheet("Publication");
        var rows = sheet.RowsUsed().Where(r => entities.ContainsKey(r.Cell(1).GetString())).ToList();
        Assert.Equal(published.Select(e => e.Key), rows.Select(r => r.Cell(1).GetString()));
        foreach (var (entity, f) in published)
        {
            var row = rows.Single(r => r.Cell(1).GetString() == entity);
            var closed = f["closed"];
            Assert.True(closed > 0, entity);
            Assert.Equal(f["opened"], row.Cell(2).GetDouble());
            Assert.Equal(closed, row.Cell(3).GetDouble());
            Assert.Equal(f["closed_within_3bd"] / closed, row.Cell(4).GetDouble(), 12);
            Assert.Equal((f["closed_within_3bd"] + f["closed_3bd_to_8w"]) / closed, row.Cell(5).GetDouble(), 12);
            Assert.Equal(f["upheld"] / closed, row.Cell(6).GetDouble(), 12);
            // Crediflex resolves about two in five by the end of the 3rd business day, and most within 8 weeks.
            Assert.InRange(row.Cell(4).GetDouble(), 0.2, 0.6);
            Assert.InRange(row.Cell(5).GetDouble(), row.Cell(4).GetDouble(), 1.0);
            Assert.Equal("0.0%", row.Cell(4).Style.NumberFormat.Format);
        }

        // An entity under the threshold stays off the sheet, and the identity holds for the large sample too.
        Assert.All(entities.Where(e => e.Value["opened"] < 500), e => Assert.DoesNotContain(rows, r => r.Cell(1).GetString() == e.Key));
        Assert.All(entities.Values, f => Assert.Equal(f["outstanding_start"] + f["opened"] - f["closed"], f["outstanding_end"]));
    }
}
