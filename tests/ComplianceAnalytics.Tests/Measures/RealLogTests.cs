using ComplianceAnalytics.Exports;
using ComplianceAnalytics.Ingestion;
using ComplianceAnalytics.Measures;
using ComplianceAnalytics.Tests.Ingestion;
using ComplianceAnalytics.Tests.Policies;
using NodaTime;

namespace ComplianceAnalytics.Tests.Measures;

/// <summary>
/// The real Helpdesk log (tests/.../RealData) through its mapping profile and policy, against
/// figures worked out by an independent implementation of contract §1, §4 and §5 written from the
/// contract text alone (outside this repository): the stage instances at the end of 2012 by stage
/// and status, and the attainment of three months.
/// </summary>
public sealed class RealLogTests : IDisposable
{
    private readonly IngestFixture _fixture = new(MappingProfileLoader.LoadFile(Path.Combine(RepositoryPaths.Root, "sample-data", "mappings", "helpdesk.yaml")));

    public RealLogTests()
    {
        var log = Path.Combine(RepositoryPaths.Root, "tests", "ComplianceAnalytics.Tests", "RealData", "helpdesk.csv");
        var result = _fixture.Ingestor.Ingest(log);
        Assert.Equal(0, result.RowsRejected);
    }

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Every_stage_instance_of_the_log_has_the_independently_computed_status()
    {
        var asOf = Instant.FromUtc(2013, 1, 1, 0, 0);
        var instances = new ComplianceAnalytics.Clocks.CaseEvaluation(_fixture.Store, _fixture.Policies, ReportTexts.For).RefreshStored(null);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var reader = _fixture.Store.Connection.Query("SELECT stage || '/' || status, count(*) FROM case_stage_instances WHERE org = 'helpdesk' GROUP BY ALL"))
        {
            while (reader.Read())
            {
                counts[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        Assert.Equal(7454, instances.Instances);
        Assert.Equal(
            new Dictionary<string, long>(StringComparer.Ordinal)
            {
                ["acknowledgement/breached"] = 842,
                ["acknowledgement/met"] = 2908,
                ["resolution/breached"] = 286,
                ["resolution/met"] = 3418,
            },
            counts);
        Assert.Equal(133, _fixture.Count("SELECT count(*) FROM case_stage_instances WHERE org = 'helpdesk' AND stage = 'resolution' AND cycle > 1"));
    }

    [Theory]
    [InlineData("2010-10", "84,0,12,8,5,0.875", "93,0,7,10,6,0.93")]
    [InlineData("2011-03", "112,0,12,1,3,0.9032258064516129", "143,0,12,22,3,0.9225806451612903")]
    [InlineData("2012-03", "130,0,17,3,3,0.8843537414965986", "128,0,10,21,3,0.927536231884058")]
    public void Monthly_attainment_equals_the_independent_figures(string month, string acknowledgement, string resolution)
    {
        var context = ReportContext.Prepare(_fixture.Store, _fixture.Policies, QueryCatalog.Load(Path.Combine(RepositoryPaths.Root, "queries")), ReportContext.ParseMonth(month));
        var rows = context.Run("attainment").Rows
            .Where(r => (string)r[0]! == "helpdesk")
            .ToDictionary(r => (string)r[1]!, r => string.Join(',', r.Skip(3).Select(CsvOutput.Format)));

        Assert.Equal(acknowledgement, rows["acknowledgement"]);
        Assert.Equal(resolution, rows["resolution"]);
    }
}
