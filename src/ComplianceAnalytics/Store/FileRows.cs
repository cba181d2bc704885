namespace ComplianceAnalytics.Store;

/// <summary>
/// Writes an ingested file into the store: the rows it loads (events), its rejected rows (rejected_rows), its
/// duplicates (duplicate_rows) and its ledger row, in one transaction, so that the file commits whole or not at all
/// (contract §1, §2). The rows come from the file's <see cref="WorkTables"/>.
/// </summary>
public static class FileRows
{
    /// <summary>
    /// Commits the file's rows from <paramref name="tables"/>: a row whose identity the store has already is
    /// written as a duplicate, not as an event. <paramref name="ledger"/> makes the ledger row from the new
    /// file id and the number of such rows; it is written in the same transaction and returned.
    /// </summary>
    public static LedgerEntry Commit(ComplianceStore store, WorkTables tables, Func<long, long, LedgerEntry> ledger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(ledger);
        var db = store.Connection;
        using var transaction = db.BeginTransaction();
        // The rows the file would load that the store has already: the only part of a row's fate
        // that depends on the files committed before.
        db.Execute(StoreSql.Get("FileRows.Known", tables));
        var fileId = IngestLedger.NextFileId(store);
        db.Execute(StoreSql.Get("FileRows.InsertEvents", tables), fileId);
        db.Execute(StoreSql.Get("FileRows.InsertRejected", tables), fileId);
        db.Execute(StoreSql.Get("FileRows.InsertDuplicates", tables), fileId);
        var entry = ledger(fileId, db.Scalar<long>(StoreSql.Get("FileRows.CountKnown")));
        IngestLedger.Insert(store, entry);
        transaction.Commit();
        return entry;
    }
}
