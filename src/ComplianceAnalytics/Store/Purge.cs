using ComplianceAnalytics.DuckDb;
using NodaTime;

namespace ComplianceAnalytics.Store;

/// <summary>A case past the retention period, and what purging it removes.</summary>
public sealed record ExpiredCase(
    string Org, string CaseRef, Instant LastEventAt, long Events, long RejectedRows, long DuplicateRows, long StageInstances);

/// <summary>What one purge removed: the expired cases, and the rejected and duplicate rows that belonged to no case.</summary>
public sealed record PurgeResult(IReadOnlyList<ExpiredCase> Cases, long UnattachedRejectedRows, long UnattachedDuplicateRows);

/// <summary>
/// The statements of retention (Privacy.Retention decides the cut-off): the cases whose last event is before
/// it, and their removal from every table that holds them, recorded in purge_log. Rejected and duplicate rows
/// of no stored case go when their file was ingested before the cut-off.
/// </summary>
public static class Purge
{
    /// <summary>The tables whose rows may belong to no stored case; their names are written into the SQL.</summary>
    private static readonly string[] UnattachedTables = ["rejected_rows", "duplicate_rows"];

    /// <summary>What a purge at <paramref name="cutoff"/> would remove; nothing is changed.</summary>
    public static PurgeResult Preview(ComplianceStore store, Instant cutoff)
    {
        ArgumentNullException.ThrowIfNull(store);
        var at = StoreTime.Timestamp(cutoff);
        return new PurgeResult(
            ExpiredCases(store, cutoff),
            store.Connection.Scalar<long>("SELECT count(*) " + Unattached(UnattachedTables[0]), at),
            store.Connection.Scalar<long>("SELECT count(*) " + Unattached(UnattachedTables[1]), at));
    }

    /// <summary>Purges what is older than <paramref name="cutoff"/> in one transaction, logged at <paramref name="now"/>, and returns what went.</summary>
    public static PurgeResult Run(ComplianceStore store, Instant cutoff, Instant now)
    {
        ArgumentNullException.ThrowIfNull(store);
        var db = store.Connection;
        var at = StoreTime.Timestamp(cutoff);
        using var transaction = db.BeginTransaction();
        var expired = ExpiredCases(store, cutoff);
        db.Execute(StoreSql.Get("Purge.SelectCases"), at);
        db.Execute(StoreSql.Get("Purge.Log"), StoreTime.Timestamp(now), at);
        db.Execute(StoreSql.Get("Purge.DeleteCases"));
        var rejected = DeleteUnattached(db, UnattachedTables[0], at);
        var duplicates = DeleteUnattached(db, UnattachedTables[1], at);
        transaction.Commit();
        return new PurgeResult(expired, rejected, duplicates);
    }

    private static List<ExpiredCase> ExpiredCases(ComplianceStore store, Instant cutoff)
    {
        using var reader = store.Connection.Query(StoreSql.Get("Purge.ExpiredCases"), StoreTime.Timestamp(cutoff));
        var cases = new List<ExpiredCase>();
        while (reader.Read())
        {
            cases.Add(new ExpiredCase(
                reader.GetString(0), reader.GetString(1), StoreTime.FromMicros(reader.GetInt64(2)),
                reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6)));
        }

        return cases;
    }

    /// <summary>The rows of a table, from files ingested before the cut-off, that belong to no stored case.</summary>
    private static string Unattached(string table) => StoreSql.Get("Purge.Unattached").Replace("{table}", table, StringComparison.Ordinal);

    private static long DeleteUnattached(DuckDbConnection db, string table, DuckDbTimestamp cutoff)
    {
        var count = db.Scalar<long>("SELECT count(*) " + Unattached(table), cutoff);
        db.Execute("DELETE " + Unattached(table), cutoff);
        return count;
    }
}
