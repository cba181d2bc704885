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
    public static void Load(ComplianceStore store, ReportRun run, QueryCatalog queries, IEnumerable<(string File, string Sha256)> definitions)
    {
        var db = store.Connection;
        db.Execute("""
            CREATE OR REPLACE TEMP TABLE report_run (month VARCHAR, generated_at TIMESTAMPTZ, software_version VARCHAR,
                retention_years INTEGER, retention_cutoff TIMESTAMPTZ, key_source VARCHAR);
            CREATE OR REPLACE TEMP TABLE report_files (kind VARCHAR, name VARCHAR, sha256 VARCHAR);
            """);
        using (var row = db.CreateAppender("report_run"))
        {
            row.Append(run.Month).AppendTimestampMicros(run.GeneratedAt.ToUnixTimeTicks() / 10).Append(run.SoftwareVersion)
                .Append(run.RetentionYears).AppendTimestampMicros(run.RetentionCutoff.ToUnixTimeTicks() / 10).Append(run.KeySource).EndRow();
        }

        using var files = db.CreateAppender("report_files");
        foreach (var name in queries.Names)
        {
            files.Append("query").Append($"queries/{name}.sql").Append(queries.Sha256(name)).EndRow();
        }

        foreach (var (file, sha256) in definitions)
        {
            files.Append("pack definition").Append($"reports/{file}").Append(sha256).EndRow();
        }
    }
}
