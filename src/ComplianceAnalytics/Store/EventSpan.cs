using NodaTime;

namespace ComplianceAnalytics.Store;

/// <summary>When the stored events begin and how far an organisation's reach, and what lies before an instant: what scheduling needs to know of the events.</summary>
public static class EventSpan
{
    /// <summary>The first event's instant, or null when the store holds none.</summary>
    public static Instant? First(ComplianceStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.Connection.Scalar<long?>(StoreSql.Get("EventSpan.First")) is { } micros ? StoreTime.FromMicros(micros) : null;
    }

    /// <summary>Whether <paramref name="org"/>'s events begin before <paramref name="end"/> but stop before <paramref name="expectedUntil"/>.</summary>
    public static bool StopsShort(ComplianceStore store, string org, Instant end, Instant expectedUntil)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var reader = store.Connection.Query(StoreSql.Get("EventSpan.Coverage"), org, StoreTime.Timestamp(end), StoreTime.Timestamp(expectedUntil));
        return reader.Read() && !reader.IsNull(0) && reader.GetBoolean(0) && reader.GetBoolean(1);
    }

    /// <summary>The number of events before <paramref name="end"/> (up to it, inclusive, when <paramref name="inclusive"/>) and the newest file they came from (0: none).</summary>
    public static (long Events, long MaxFileId) Before(ComplianceStore store, Instant end, bool inclusive = false)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var reader = store.Connection.Query(StoreSql.Get(inclusive ? "EventSpan.CountUpTo" : "EventSpan.CountBefore"), StoreTime.Timestamp(end));
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
