using ComplianceAnalytics.Actions;
using ComplianceAnalytics.Ingestion;
using ComplianceAnalytics.Measures;
using ComplianceAnalytics.Policies;
using ComplianceAnalytics.Privacy;
using ComplianceAnalytics.Store;
using ComplianceAnalytics.Tests.Ingestion;
using ComplianceAnalytics.Tests.Policies;

namespace ComplianceAnalytics.Tests.Measures;

/// <summary>
/// Policies of a test's own, an in-memory store, and the repository's queries: load a few events of
/// one organisation, then read a query's rows for a month as the report would.
/// </summary>
internal sealed class QueryScenario : IDisposable
{
    private readonly TempPolicies _policies = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "queries-" + Guid.NewGuid().ToString("N"));
    private readonly Lazy<PolicySet> _set;
    private int _files;

    /// <param name="policies">File name and YAML text of each policy.</param>
    public QueryScenario(params (string File, string Yaml)[] policies)
    {
        Directory.CreateDirectory(_folder);
        foreach (var (file, yaml) in policies)
        {
            _policies.With(file, yaml);
        }

        _set = new(() => PolicyLoader.LoadOrThrow(_policies.Folder));
    }

    public ComplianceStore Store { get; } = ComplianceStore.Open(":memory:");

    public PolicySet Policies => _set.Value;

    /// <summary>Ingests lines of <paramref name="columns"/> (without org) for <paramref name="org"/>; all must load.</summary>
    public void Load(string org, string columns, IReadOnlyList<string> lines)
    {
        var path = Path.Combine(_folder, $"events-{_files++}.csv");
        File.WriteAllText(path, "org," + columns + "\n" + string.Concat(lines.Select(l => org + "," + l + "\n")));
        var zones = Policies.All.ToDictionary(p => p.Org, p => p.TimeZone, StringComparer.Ordinal);
        var ingestor = new FileIngestor(Store, zones, [], new Pseudonymiser(IngestFixture.Key), new FixedClock(IngestFixture.Now));
        Assert.Equal(lines.Count, ingestor.Ingest(path).RowsLoaded);
    }

    /// <summary>The actions the report measures (the director pack's Actions sheet and chart markers).</summary>
    public ActionSet Actions { get; set; } = ActionSet.Empty;

    public GroupOutcomeMargins Margins { get; set; } = GroupOutcomeMargins.Default;

    public List<object?[]> Rows(string query, string month) => [.. Table(query, month).Rows];

    /// <summary>A query's columns and rows for a month, as the report would read them.</summary>
    public QueryTable Table(string query, string month) =>
        ReportContext.Prepare(
            Store, Policies, QueryCatalog.Load(Path.Combine(RepositoryPaths.Root, "queries")), ReportContext.ParseMonth(month), Actions, Margins)
        .Run(query);

    public void Dispose()
    {
        Store.Dispose();
        _policies.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
