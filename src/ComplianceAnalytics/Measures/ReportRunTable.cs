using ComplianceAnalytics.Store;
using NodaTime;

namespace ComplianceAnalytics.Measures;

/// <summary>What a report run records about itself for the manifest and the audit pack.</summary>
/// <param name="Month">The report month as <c>yyyy-MM</c>.</param>
/// <param name="GeneratedAt">The run's own time, from the injected clock: the only "now" in a pack.</param>
/// <param name="SoftwareVersion">The product version and commit stamped into the manifest.</param>
/// <param name="RetentionYears">The retention period in whole years.</param>
/// <param name="RetentionCutoff">Cases whose last event is before this are past the retention period.</param>
/// <param name="KeySource">Where the pseudonym key comes from; never the key itself.</param>
public sealed record ReportRun(string Month, Instant GeneratedAt, string SoftwareVersion, int RetentionYears, Instant RetentionCutoff, string KeySource);

/// <summary>
/// The temporary tables report_run (one row: <see cref="ReportRun"/>) and report_files (each query
/// and pack definition used, with its SHA-256), read by the manifest and audit queries.
/// </summary>
internal static class ReportRunTable
{
    /// <param name="store">The store whose connection gets the temporary tables.</param>
    /// <param name="run">The run's own facts.</param>
    /// <param name="queries">The queries used, each recorded with its SHA-256.</param>
    /// <param name="definitions">The pack definitions used: their file names and SHA-256.</param>
    public static void Load(ComplianceStore store, ReportRun run, QueryCatalog queries, IEnumerable<(string File, string Sha256)> definitions) =>
        ReportTables.LoadRun(
            store,
            new ReportRunRow(run.Month, run.GeneratedAt, run.SoftwareVersion, run.RetentionYears, run.RetentionCutoff, run.KeySource),
            queries.Names.Select(name => new ReportFileRow("query", $"queries/{name}.sql", queries.Sha256(name)))
                .Concat(definitions.Select(d => new ReportFileRow("pack definition", $"reports/{d.File}", d.Sha256))));
}
