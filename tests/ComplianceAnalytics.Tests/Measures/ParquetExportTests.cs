using ComplianceAnalytics.Measures;
using ComplianceAnalytics.Tests.Hosting;
using ComplianceAnalytics.Tests.Ingestion;
using NodaTime;

namespace ComplianceAnalytics.Tests.Measures;

/// <summary>
/// <c>export --format parquet</c>: the same stage instances as the CSV file and the canonical
/// events, partitioned by org and month, readable back by a Parquet reader (here DuckDB's).
/// </summary>
public sealed class ParquetExportTests : IDisposable
{
    private readonly IngestFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Parquet_holds_the_csv_instances_and_the_events_partitioned_by_org_and_month()
    {
        _fixture.Ingest("march.csv", HostingFixture.Export(new LocalDate(2026, 3, 2), 3, "M"));
        _fixture.Ingest("april.csv", HostingFixture.Export(new LocalDate(2026, 4, 6), 2, "A"));
        var asOf = Instant.FromUtc(2026, 5, 1, 0, 0);
        var csvDir = Path.Combine(_fixture.Folder, "csv");
        var parquetDir = Path.Combine(_fixture.Folder, "parquet");

        StageInstanceExport.WriteCsv(_fixture.Store, _fixture.Policies, asOf, csvDir);
        StageInstanceExport.WriteParquet(_fixture.Store, _fixture.Policies, asOf, parquetDir);

        var csvRows = File.ReadAllLines(Path.Combine(csvDir, "stage_instances.csv")).Length - 1;
        // Five acknowledgements met, and five investigations started by them and still open.
        Assert.Equal(10, csvRows);
        Assert.Equal(
            ["org=jpdit"],
            Directory.GetDirectories(Path.Combine(parquetDir, "stage_instances")).Select(Path.GetFileName));
        Assert.Equal(
            ["month=2026-03", "month=2026-04"],
            Directory.GetDirectories(Path.Combine(parquetDir, "stage_instances", "org=jpdit")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var instances = Path.Combine(parquetDir, "stage_instances", "**", "*.parquet");
        var events = Path.Combine(parquetDir, "events", "**", "*.parquet");
        Assert.Equal(csvRows, _fixture.Count("SELECT count(*) FROM read_parquet($1, hive_partitioning = true)", instances));
        Assert.Equal(5, _fixture.Count("SELECT count(*) FROM read_parquet($1, hive_partitioning = true) WHERE status = 'met'", instances));
        Assert.Equal(10, _fixture.Count("SELECT count(*) FROM read_parquet($1, hive_partitioning = true)", events));
        Assert.Equal(0, _fixture.Count("SELECT count(*) FROM (DESCRIBE SELECT * FROM read_parquet($1)) WHERE column_name = 'identity'", events));
    }
}
