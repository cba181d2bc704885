using NodaTime;

namespace ComplianceAnalytics.Store;

/// <summary>One evaluated stage instance as <c>compliance export</c> writes it (contract §6).</summary>
public sealed record StageInstanceRow(
    string Org, string CaseRef, string Stage, long Cycle, Instant? StartedAt, Instant? OriginalDueAt, Instant? DueAt, Instant? StoppedAt,
    string Status, double PausedSeconds, bool Extended, string Limit);

/// <summary>
/// The evaluated stage instances (eval_stage_instances) in export order: by organisation, case, the stage's place in
/// its policy (policy_stages) and cycle; read row by row, or copied with the events to Parquet.
/// </summary>
public static class StageInstanceRows
{
    /// <summary>The instances in export order, read as they are enumerated (one enumeration at a time on the store).</summary>
    public static IEnumerable<StageInstanceRow> ReadOrdered(ComplianceStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Read(store);
    }

    private static IEnumerable<StageInstanceRow> Read(ComplianceStore store)
    {
        using var reader = store.Connection.Query(StoreSql.Get("StageInstanceRows.Ordered"));
        while (reader.Read())
        {
            Instant? At(int i) => reader.IsNull(i) ? null : StoreTime.FromMicros(reader.GetTimestampMicros(i));
            yield return new StageInstanceRow(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), At(4), At(5), At(6), At(7),
                reader.GetString(8), reader.GetDouble(9), reader.GetBoolean(10), reader.GetString(11));
        }
    }

    /// <summary>
    /// Writes the instances to <paramref name="instancesFolder"/> and the events (without identities) to
    /// <paramref name="eventsFolder"/> as Parquet, hive-partitioned by org and UTC month (of started_at, of occurred_at).
    /// </summary>
    public static void CopyParquet(ComplianceStore store, string instancesFolder, string eventsFolder)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.Connection.Execute(StoreSql.Get("StageInstanceRows.CopyInstances")
            .Replace("{ordered}", StoreSql.Get("StageInstanceRows.Ordered"), StringComparison.Ordinal)
            .Replace("{target}", SqlText.Literal(instancesFolder), StringComparison.Ordinal));
        store.Connection.Execute(StoreSql.Get("StageInstanceRows.CopyEvents")
            .Replace("{target}", SqlText.Literal(eventsFolder), StringComparison.Ordinal));
    }
}
