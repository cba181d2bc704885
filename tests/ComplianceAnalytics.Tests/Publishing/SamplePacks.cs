using ComplianceAnalytics.Hosting;
using ComplianceAnalytics.Publishing;
using ComplianceAnalytics.Tests.Ingestion;
using ComplianceAnalytics.Tests.Policies;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace ComplianceAnalytics.Tests.Publishing;

/// <summary>
/// The committed sample exports ingested once into a temporary store with a fixed key and clock,
/// and one month's outputs written from them with the repository's queries and pack definitions.
/// Shared by the tests of a class: ingesting and evaluating the sample takes seconds.
/// </summary>
public sealed class SamplePacks : IDisposable
{
    public const string Version = "test-version";

    public static readonly YearMonth Month = new(2026, 6);

    public static readonly Instant Now = Instant.FromUtc(2026, 11, 2, 6, 30);

    public SamplePacks()
    {
        Root = Path.Combine(Path.GetTempPath(), "sample-packs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Workspace = NewWorkspace(Path.Combine(Root, "store.duckdb"));
        new ExportIngestion(Workspace.Store, Workspace.Policies, Workspace.Profiles, Workspace.Pseudonymiser, Workspace.Clock)
            .Ingest(ExportIngestion.Expand([Path.Combine(RepositoryPaths.Root, "sample-data", "exports")]));
        Outputs = Write("out");
    }

    public string Root { get; }

    public ComplianceWorkspace Workspace { get; }

    public IReadOnlyList<OutputFile> Outputs { get; }

    public string OutDir => Path.Combine(Root, "out");

    public static ComplianceOptions Options(string database) => new()
    {
        Database = database,
        PoliciesFolder = RepositoryPaths.Policies,
        MappingsFolder = Path.Combine(RepositoryPaths.Root, "sample-data", "mappings"),
        QueriesFolder = Path.Combine(RepositoryPaths.Root, "queries"),
        ReportsFolder = Path.Combine(RepositoryPaths.Root, "reports"),
        PseudonymKey = Convert.ToHexString(IngestFixture.Key),
        CrossFirmPack = true,
    };

    public static ComplianceWorkspace NewWorkspace(string database) =>
        new(Options(database), new FixedClock(Now), NullLoggerFactory.Instance);

    /// <summary>The month's outputs written again, into another folder under the root.</summary>
    public IReadOnlyList<OutputFile> Write(string folder, string? pack = null) =>
        Workspace.MonthlyReport(Version).Write(Month, Path.Combine(Root, folder), pack);

    /// <summary>A firm's workbook; the cross-firm one (every organisation, which SamplePacks also writes) when no org is given.</summary>
    public string Workbook(string pack, string org = MonthlyReport.GroupFolder) => MonthlyReport.WorkbookPath(OutDir, pack, org, Month);

    public void Dispose()
    {
        Workspace.Dispose();
        Directory.Delete(Root, recursive: true);
    }
}
