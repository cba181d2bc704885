using ComplianceAnalytics.Store;
using NodaTime;

namespace ComplianceAnalytics.Privacy;

/// <summary>A case past the retention period, and what purging it removes.</summary>
public sealed record ExpiredCase(
    string Org, string CaseRef, Instant LastEventAt, long Events, long RejectedRows, long DuplicateRows, long StageInstances);

/// <summary>
/// Deletes the cases whose last event is older than the retention period from every table that
/// holds them (events, rejected and duplicate rows, stage instances), records each in purge_log,
/// and checkpoints the store so the deleted rows leave the file too. Rejected rows that name no
/// case go when their file was ingested before the cut-off.
/// </summary>
public sealed class Retention
{
    private readonly ComplianceStore _store;
    private readonly IClock _clock;
    private readonly int _years;

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
    public IReadOnlyList<ExpiredCase> Preview()
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
                   (SELECT count(*) FROM stage_instances s WHERE s.org = e.org AND s.case_ref = e.case_ref)
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

    /// <summary>Purges the expired cases in one transaction and returns them.</summary>
    public IReadOnlyList<ExpiredCase> Purge()
    {
        var db = _store.Connection;
        var cutoff = Timestamp(Cutoff);
        var now = Timestamp(_clock.GetCurrentInstant());
        IReadOnlyList<ExpiredCase> expired;
        using (var transaction = db.BeginTransaction())
        {
            expired = Preview();
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
                           (SELECT count(*) FROM stage_instances s WHERE s.org = c.org AND s.case_ref = c.case_ref) AS instances
                    FROM purge_cases c)
                """, now, cutoff);
            foreach (var table in new[] { "events", "rejected_rows", "duplicate_rows", "stage_instances" })
            {
#pragma warning disable CA2100 // The table names are this method's own constants.
                db.Execute($"DELETE FROM {table} WHERE (org, case_ref) IN (SELECT (org, case_ref) FROM purge_cases)");
#pragma warning restore CA2100
            }

            db.Execute("""
                DELETE FROM rejected_rows
                WHERE case_ref IS NULL AND file_id IN (SELECT file_id FROM ingest_files WHERE ingested_at < $1)
                """, cutoff);
            db.Execute("DROP TABLE temp.purge_cases");
            transaction.Commit();
        }

        _store.Checkpoint();
        return expired;
    }

    private static ComplianceAnalytics.DuckDb.DuckDbTimestamp Timestamp(Instant instant) => new(instant.ToUnixTimeTicks() / 10);
}
