using NodaTime;

namespace ComplianceAnalytics.Store;

/// <summary>One stored event of a case, with the file and line it came from.</summary>
public sealed record StoredCaseEvent(string EventType, Instant OccurredAt, Instant? DueAt, string FileName, long Line);

/// <summary>A single case's events as stored, for explaining it.</summary>
public static class CaseEvents
{
    /// <summary>The events of <paramref name="caseRef"/> of <paramref name="org"/>, in the order the evaluation applies them.</summary>
    public static IReadOnlyList<StoredCaseEvent> Read(ComplianceStore store, string org, string caseRef)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var reader = store.Connection.Query(StoreSql.Get("CaseEvents.Read"), org, caseRef);
        var events = new List<StoredCaseEvent>();
        while (reader.Read())
        {
            events.Add(new StoredCaseEvent(
                reader.GetString(0),
                StoreTime.FromMicros(reader.GetInt64(1)),
                reader.IsNull(2) ? null : StoreTime.FromMicros(reader.GetInt64(2)),
                reader.GetString(3),
                reader.GetInt64(4)));
        }

        return events;
    }
}
