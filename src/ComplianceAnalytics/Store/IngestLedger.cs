using ComplianceAnalytics.DuckDb;
using NodaTime;

namespace ComplianceAnalytics.Store;

/// <summary>One row of the ledger (ingest_files): what became of a file (contract §6).</summary>
public sealed record LedgerEntry(
    long FileId,
    string Path,
    string Sha256,
    long SizeBytes,
    string? Format,
    string? Profile,
    string Status,
    long RowsRead,
    long RowsLoaded,
    long RowsDuplicate,
    long RowsRejected,
    long RowsIgnored,
    IReadOnlyList<string> UnknownColumns,
    IReadOnlyList<string> PersonalFields,
    string? Message,
    Instant IngestedAt);

/// <summary>The ledger's totals: files by status and rows by fate.</summary>
public sealed record LedgerTotals(
    IReadOnlyDictionary<string, long> FilesByStatus, long RowsRead, long RowsLoaded, long RowsDuplicate, long RowsRejected, long RowsIgnored, long Events);

/// <summary>The ledger of ingested files (ingest_files) and its file ids.</summary>
public static class IngestLedger
{
    /// <summary>Whether bytes with this SHA-256 were loaded before, as seen by <paramref name="connection"/> (the store's or a staging one).</summary>
    public static bool IsLoaded(DuckDbConnection connection, string sha256)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.Scalar<long>(StoreSql.Get("IngestLedger.IsLoaded"), sha256) > 0;
    }

    /// <summary>The next file id (file_id_seq).</summary>
    public static long NextFileId(ComplianceStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.Connection.Scalar<long>(StoreSql.Get("IngestLedger.NextFileId"));
    }

    /// <summary>Writes the file's ledger row.</summary>
    public static void Insert(ComplianceStore store, LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(entry);
        // The lists travel as one text each, split by SQL: the façade binds no list parameters. 0x1F (unit separator)
        // never appears in a column name or field name.
        store.Connection.Execute(
            StoreSql.Get("IngestLedger.Insert"),
            entry.FileId, entry.Path, System.IO.Path.GetFileName(entry.Path), entry.Sha256, entry.SizeBytes, entry.Format, entry.Profile,
            entry.Status, entry.RowsRead, entry.RowsLoaded, entry.RowsDuplicate, entry.RowsRejected, entry.RowsIgnored,
            string.Join('\u001f', entry.UnknownColumns), string.Join('\u001f', entry.PersonalFields), entry.Message,
            new DuckDbTimestamp(entry.IngestedAt.ToUnixTimeTicks() / 10));
    }

    /// <summary>The ledger's totals: files by status, rows by fate, and the events stored.</summary>
    public static LedgerTotals Totals(ComplianceStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var db = store.Connection;
        var byStatus = new SortedDictionary<string, long>(StringComparer.Ordinal);
        using (var reader = db.Query(StoreSql.Get("IngestLedger.FilesByStatus")))
        {
            while (reader.Read())
            {
                byStatus[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        using var sums = db.Query(StoreSql.Get("IngestLedger.Totals"));
        sums.Read();
        return new LedgerTotals(byStatus, sums.GetInt64(0), sums.GetInt64(1), sums.GetInt64(2), sums.GetInt64(3), sums.GetInt64(4), sums.GetInt64(5));
    }
}
