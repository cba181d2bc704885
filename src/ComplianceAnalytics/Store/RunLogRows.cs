using NodaTime;

namespace ComplianceAnalytics.Store;

/// <summary>One row of the run log.</summary>
public sealed record RunRecord(
    string RunId, string Job, string Host, Instant StartedAt, Instant? EndedAt, string? Outcome, string? Detail, string? Outputs);

/// <summary>
/// The run_log table's rows: written when a job starts, updated as it goes and completed when it ends.
/// What a row says (outcomes, the outputs' JSON) is the host's (Hosting.RunLog).
/// </summary>
public static class RunLogRows
{
    /// <summary>Writes a run's row as it starts; it has no end until <see cref="End"/>.</summary>
    public static void Begin(ComplianceStore store, string runId, string job, string host, Instant startedAt)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.Connection.Execute(StoreSql.Get("RunLogRows.Begin"), runId, job, host, StoreTime.Timestamp(startedAt));
    }

    /// <summary>Completes a run's row with its end, outcome, detail and outputs.</summary>
    public static void End(ComplianceStore store, string runId, Instant endedAt, string outcome, string detail, string outputsJson)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.Connection.Execute(StoreSql.Get("RunLogRows.End"), runId, StoreTime.Timestamp(endedAt), outcome, detail, outputsJson);
    }

    /// <summary>Updates a run still going (no end yet) with what it has done so far.</summary>
    public static void Progress(ComplianceStore store, string runId, string detail, string outputsJson)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.Connection.Execute(StoreSql.Get("RunLogRows.Progress"), runId, detail, outputsJson);
    }

    /// <summary>The last <paramref name="count"/> runs, the latest first.</summary>
    public static IReadOnlyList<RunRecord> Recent(ComplianceStore store, int count)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var reader = store.Connection.Query(StoreSql.Get("RunLogRows.Recent"), (long)count);
        var runs = new List<RunRecord>();
        while (reader.Read())
        {
            runs.Add(new RunRecord(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), StoreTime.FromMicros(reader.GetInt64(3)),
                reader.IsNull(4) ? null : StoreTime.FromMicros(reader.GetInt64(4)),
                reader.IsNull(5) ? null : reader.GetString(5),
                reader.IsNull(6) ? null : reader.GetString(6),
                reader.IsNull(7) ? null : reader.GetString(7)));
        }

        return runs;
    }
}
