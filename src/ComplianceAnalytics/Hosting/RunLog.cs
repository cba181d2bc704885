using System.Text.Json;
using ComplianceAnalytics.DuckDb;
using ComplianceAnalytics.Publishing;
using ComplianceAnalytics.Store;
using NodaTime;

namespace ComplianceAnalytics.Hosting;

/// <summary>How a job run ended (run_log.outcome).</summary>
public static class RunOutcomes
{
    /// <summary>The job's body returned.</summary>
    public const string Succeeded = "succeeded";
    /// <summary>The job's body threw; the job waits out a back-off before its next try.</summary>
    public const string Failed = "failed";
    /// <summary>The run was cancelled (the host stopping) before or while its body ran.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Not run: the job failed just before and waits out its back-off (nothing is written to the run log).</summary>
    public const string Skipped = "skipped";
}

/// <summary>One row of the run log.</summary>
public sealed record RunRecord(
    string RunId, string Job, string Host, Instant StartedAt, Instant? EndedAt, string? Outcome, string? Detail, string? Outputs);

/// <summary>The ledger's totals: files by status and rows by fate.</summary>
public sealed record LedgerTotals(
    IReadOnlyDictionary<string, long> FilesByStatus, long RowsRead, long RowsLoaded, long RowsDuplicate, long RowsRejected, long RowsIgnored, long Events);

/// <summary>
/// The run_log table: a row is written when a job starts, so that a run the process did not live to
/// finish still shows, and completed with its outcome, counts and output hashes when it ends.
/// </summary>
public sealed class RunLog
{
    private readonly ComplianceStore _store;

    /// <summary>The run log of <paramref name="store"/>.</summary>
    public RunLog(ComplianceStore store) => _store = store;

    /// <summary>Writes the run's row as it starts, with this machine's name; it shows as unfinished until <see cref="End"/>.</summary>
    internal void Begin(string runId, string job, Instant startedAt) =>
        _store.Connection.Execute(
            "INSERT INTO run_log (run_id, job, host, started_at) VALUES ($1, $2, $3, $4)",
            runId, job, Environment.MachineName, Timestamp(startedAt));

    /// <summary>Completes the run's row with its end, one of <see cref="RunOutcomes"/>, its detail and its outputs' hashes.</summary>
    internal void End(string runId, Instant endedAt, string outcome, string detail, IReadOnlyList<OutputFile> outputs) =>
        _store.Connection.Execute(
            "UPDATE run_log SET ended_at = $2, outcome = $3, detail = $4, outputs = $5 WHERE run_id = $1",
            runId, Timestamp(endedAt), outcome, detail, OutputsJson(outputs));

    /// <summary>
    /// What a run still going has done so far, so a pack it writes next (the audit pack's Run log) shows
    /// the run with its outputs; <see cref="End"/> completes the row.
    /// </summary>
    public void Progress(string runId, string detail, IReadOnlyList<OutputFile> outputs) =>
        _store.Connection.Execute(
            "UPDATE run_log SET detail = $2, outputs = $3 WHERE run_id = $1 AND ended_at IS NULL",
            runId, detail, OutputsJson(outputs));

    /// <summary>The latest <paramref name="count"/> runs, newest first.</summary>
    public IReadOnlyList<RunRecord> Recent(int count)
    {
        using var reader = _store.Connection.Query("""
            SELECT run_id, job, host, epoch_us(started_at), epoch_us(ended_at), outcome, detail, outputs
            FROM run_log ORDER BY started_at DESC, run_id DESC LIMIT $1
            """, (long)count);
        var runs = new List<RunRecord>();
        while (reader.Read())
        {
            runs.Add(new RunRecord(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), FromMicros(reader.GetInt64(3)),
                reader.IsNull(4) ? null : FromMicros(reader.GetInt64(4)),
                reader.IsNull(5) ? null : reader.GetString(5),
                reader.IsNull(6) ? null : reader.GetString(6),
                reader.IsNull(7) ? null : reader.GetString(7)));
        }

        return runs;
    }

    /// <summary>The ingest ledger's files by status and rows by fate, with the events the store holds now.</summary>
    public LedgerTotals Totals()
    {
        var db = _store.Connection;
        var byStatus = new SortedDictionary<string, long>(StringComparer.Ordinal);
        using (var reader = db.Query("SELECT status, count(*) FROM ingest_files GROUP BY status"))
        {
            while (reader.Read())
            {
                byStatus[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        using var sums = db.Query("""
            SELECT coalesce(sum(rows_read), 0)::BIGINT, coalesce(sum(rows_loaded), 0)::BIGINT, coalesce(sum(rows_duplicate), 0)::BIGINT,
                   coalesce(sum(rows_rejected), 0)::BIGINT, coalesce(sum(rows_ignored), 0)::BIGINT, (SELECT count(*) FROM events)
            FROM ingest_files
            """);
        sums.Read();
        return new LedgerTotals(byStatus, sums.GetInt64(0), sums.GetInt64(1), sums.GetInt64(2), sums.GetInt64(3), sums.GetInt64(4), sums.GetInt64(5));
    }

    /// <summary>The outputs as a JSON array of <c>{"path", "sha256"}</c> objects, as run_log.outputs and published_packs keep them.</summary>
    internal static string OutputsJson(IReadOnlyList<OutputFile> outputs) =>
        JsonSerializer.Serialize(outputs.Select(o => new Dictionary<string, string>(StringComparer.Ordinal) { ["path"] = o.Path, ["sha256"] = o.Sha256 }));

    internal static DuckDbTimestamp Timestamp(Instant instant) => new(instant.ToUnixTimeTicks() / 10);

    internal static Instant FromMicros(long micros) => Instant.FromUnixTimeTicks(micros * 10);
}
