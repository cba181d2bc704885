namespace ComplianceAnalytics.Store;

/// <summary>One row ingestion rejected: its line, the reason and the field at fault (none for a whole-row reason).</summary>
public sealed record RejectedRow(long Line, string Reason, string? Field);

/// <summary>The rows ingestion rejected (rejected_rows), each kept with its file, line and reason.</summary>
public static class RejectedRows
{
    /// <summary>The first <paramref name="count"/> rejected rows of file <paramref name="fileId"/>, by line.</summary>
    public static IReadOnlyList<RejectedRow> First(ComplianceStore store, long fileId, long count)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var reader = store.Connection.Query(StoreSql.Get("RejectedRows.First"), fileId, count);
        var rows = new List<RejectedRow>();
        while (reader.Read())
        {
            rows.Add(new RejectedRow(reader.GetInt64(0), reader.GetString(1), reader.IsNull(2) ? null : reader.GetString(2)));
        }

        return rows;
    }
}
