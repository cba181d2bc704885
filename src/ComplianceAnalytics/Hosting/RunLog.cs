using System.Text.Json;
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

/// <summary>
/// The jobs' run log: a row is written when a job starts, so that a run the process did not live to
/// finish still shows, and completed with its outcome, counts and output hashes when it ends (the rows
/// are the Store's, <see cref="RunLogRows"/>).
/// </summary>
public sealed class RunLog
{
    private readonly ComplianceStore _store;

    /// <summary>The run log of <paramref name="store"/>.</summary>
    public RunLog(ComplianceStore store) => _store = store;

    /// <summary>Writes the run's row as it starts, with this machine's name; it shows as unfinished until <see cref="End"/>.</summary>
    internal void Begin(string runId, string job, Instant startedAt) =>
        RunLogRows.Begin(_store, runId, job, Environment.MachineName, startedAt);

    /// <summary>Completes the run's row with its end, one of <see cref="RunOutcomes"/>, its detail and its outputs' hashes.</summary>
    internal void End(string runId, Instant endedAt, string outcome, string detail, IReadOnlyList<OutputFile> outputs) =>
        RunLogRows.End(_store, runId, endedAt, outcome, detail, OutputsJson(outputs));

    /// <summary>
    /// What a run still going has done so far, so a pack it writes next (the audit pack's Run log) shows
    /// the run with its outputs; <see cref="End"/> completes the row.
    /// </summary>
    public void Progress(string runId, string detail, IReadOnlyList<OutputFile> outputs) =>
        RunLogRows.Progress(_store, runId, detail, OutputsJson(outputs));

    /// <summary>The latest <paramref name="count"/> runs, newest first.</summary>
    public IReadOnlyList<RunRecord> Recent(int count) => RunLogRows.Recent(_store, count);

    /// <summary>The ingest ledger's files by status and rows by fate, with the events the store holds now.</summary>
    public LedgerTotals Totals() => IngestLedger.Totals(_store);

    /// <summary>The outputs as a JSON array of <c>{"path", "sha256"}</c> objects, as run_log.outputs and published_packs keep them.</summary>
    internal static string OutputsJson(IReadOnlyList<OutputFile> outputs) =>
        JsonSerializer.Serialize(outputs.Select(o => new Dictionary<string, string>(StringComparer.Ordinal) { ["path"] = o.Path, ["sha256"] = o.Sha256 }));
}
