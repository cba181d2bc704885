using ComplianceAnalytics.Store;
using NodaTime;

namespace ComplianceAnalytics.Privacy;

/// <summary>A case past the retention period, and what purging it removes.</summary>
public sealed record ExpiredCase(
    string Org, string CaseRef, Instant LastEventAt, long Events, long RejectedRows, long DuplicateRows, long StageInstances);

/// <summary>What one purge removed: the expired cases, and the rejected and duplicate rows that belonged to no case.</summary>
public sealed record PurgeResult(IReadOnlyList<ExpiredCase> Cases, long UnattachedRejectedRows, long UnattachedDuplicateRows);

/// <summary>
/// Deletes the cases whose last event is older than the retention period from every table that
/// holds them (events, rejected and duplicate rows, stage instances), records each in purge_log,
/// and checkpoints the store so the write-ahead log no longer holds them (DuckDB does not overwrite
/// the blocks it frees: see docs/data-protection.md). Rejected and duplicate rows of
/// no stored case (no case reference, or a case none of whose rows loaded) go when their file was
/// ingested before the cut-off: otherwise they would be kept for ever.
/// </summary>
public sealed class Retention
{
    private readonly ComplianceStore _store;
    private readonly IClock _clock;
    private readonly int _years;

    /// <summary>Retention over <paramref name="store"/>, keeping cases whose last event is within <paramref name="retentionYears"/> (positive) whole years of <paramref name="clock"/>'s now.</summary>
    public Retention(ComplianceStore store, IClock clock, int retentionYears)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(retentionYears);
        _store = store;
        _clock = clock;
        _years = retentionYears;
    }

    /// <summary>The cut-off: now less the retention period, in whole calendar years (UTC).</summary>
    public Instant Cutoff
    {
        get
        {
            var now = _clock.GetCurrentInstant().InUtc();
            return now.LocalDateTime.PlusYears(-_years).InUtc().ToInstant();
        }
    }

    /// <summary>What a purge would remove now; nothing is changed.</summary>
    public PurgeResult Preview()
    {
        var cutoff = Timestamp(Cutoff);
        var rejected = _store.Connection.Scalar<long>("SELECT count(*) " + Unattached("rejected_rows"), cutoff);
        var duplicates = _store.Connection.Scalar<long>("SELECT count(*) " + Unattached("duplicate_rows"), cutoff);
        return new PurgeResult(ExpiredCases(), rejected, duplicates);
    }

    private List<ExpiredCase> ExpiredCases()
    {
        var db = _store.Connection;
        var cutoff = Cutoff;
        using var reader = db.Query("""
            WITH expired AS (
                SELECT org, case_ref, max(occurred_at) AS last_event_at, count(*) AS events
                FROM events GROUP BY org, case_ref HAVING max(occurred_at) < $1
            )
            SELECT e.org, e.case_ref, epoch_us(e.last_event_at), e.events,
                   (SELECT count(*) FROM rejected_rows r WHERE r.org = e.org AND r.case_ref = e.case_ref),
                   (SELECT count(*) FROM duplicate_rows d WHERE d.org = e.org AND d.case_ref = e.case_ref),
                   (SELECT count(*) FROM case_stage_instances s WHERE s.org = e.org AND s.case_ref = e.case_ref)
            FROM expired e
            ORDER BY e.org, e.case_ref
            """, Timestamp(cutoff));
        var cases = new List<ExpiredCase>();
        while (reader.Read())
        {
            cases.Add(new ExpiredCase(
                reader.GetString(0), reader.GetString(1), Instant.FromUnixTimeTicks(reader.GetInt64(2) * 10),
                reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6)));
        }

        return cases;
    }

    /// <summary>Purges the expired cases in one transaction and returns what went.</summary>
    public PurgeResult Purge()
    {
        var db = _store.Connection;
        var cutoff = Timestamp(Cutoff);
        var now = Timestamp(_clock.GetCurrentInstant());
        PurgeResult result;
        using (var transaction = db.BeginTransaction())
        {
            var expired = ExpiredCases();
            db.Execute("""
                CREATE OR REPLACE TEMP TABLE purge_cases AS
                SELECT org, case_ref FROM events GROUP BY org, case_ref HAVING max(occurred_at) < $1
                """, cutoff);
            db.Execute("""
                INSERT INTO purge_log
                SELECT $1, $2, org, case_ref, last_event_at, events, rejected, duplicates, instances FROM (
                    SELECT c.org, c.case_ref,
                           (SELECT max(occurred_at) FROM events e WHERE e.org = c.org AND e.case_ref = c.case_ref) AS last_event_at,
                           (SELECT count(*) FROM events e WHERE e.org = c.org AND e.case_ref = c.case_ref) AS events,
                           (SELECT count(*) FROM rejected_rows r WHERE r.org = c.org AND r.case_ref = c.case_ref) AS rejected,
                           (SELECT count(*) FROM duplicate_rows d WHERE d.org = c.org AND d.case_ref = c.case_ref) AS duplicates,
                           (SELECT count(*) FROM case_stage_instances s WHERE s.org = c.org AND s.case_ref = c.case_ref) AS instances
                    FROM purge_cases c)
                """, now, cutoff);
            // The case's stored evaluation goes with its events (docs/evaluation.md).
            foreach (var table in new[]
            {
                "events", "rejected_rows", "duplicate_rows", "case_stage_instances", "evaluated_cases", "case_durations", "case_adr_letters",
                "case_customer_requests", "case_stage_diagnostics",
            })
            {
                db.Execute($"DELETE FROM {table} WHERE (org, case_ref) IN (SELECT (org, case_ref) FROM purge_cases)");
            }

            var rejected = DeleteUnattached("rejected_rows", cutoff);
            var duplicates = DeleteUnattached("duplicate_rows", cutoff);
            db.Execute("DROP TABLE temp.purge_cases");
            transaction.Commit();
            result = new PurgeResult(expired, rejected, duplicates);
        }

        _store.Checkpoint();
        return result;
    }

    /// <summary>The rows of a table, from files ingested before the cut-off, that belong to no stored case.</summary>
    private static string Unattached(string table) => $"""
        FROM {table}
        WHERE file_id IN (SELECT file_id FROM ingest_files WHERE ingested_at < $1)
          AND NOT EXISTS (SELECT 1 FROM events e WHERE e.org = {table}.org AND e.case_ref = {table}.case_ref)
        """;

    private long DeleteUnattached(string table, ComplianceAnalytics.DuckDb.DuckDbTimestamp cutoff)
    {
        var count = _store.Connection.Scalar<long>("SELECT count(*) " + Unattached(table), cutoff);
        _store.Connection.Execute("DELETE " + Unattached(table), cutoff);
        return count;
    }

    private static ComplianceAnalytics.DuckDb.DuckDbTimestamp Timestamp(Instant instant) => new(instant.ToUnixTimeTicks() / 10);
}
