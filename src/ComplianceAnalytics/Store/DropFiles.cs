using NodaTime;

namespace ComplianceAnalytics.Store;

/// <summary>The drop folder's files already taken (drop_files), by path, size and modification time.</summary>
public static class DropFiles
{
    /// <summary>Whether this path was taken before with this size and modification time.</summary>
    public static bool IsKnown(ComplianceStore store, string path, long size, Instant modified)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.Connection.Scalar<long>(StoreSql.Get("DropFiles.IsKnown"), path, size, StoreTime.Timestamp(modified)) > 0;
    }

    /// <summary>Records what became of the file (its ledger file id and status).</summary>
    public static void Remember(ComplianceStore store, string path, long size, Instant modified, long fileId, string status)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.Connection.Execute(StoreSql.Get("DropFiles.Remember"), path, size, StoreTime.Timestamp(modified), fileId, status);
    }
}
