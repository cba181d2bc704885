using NodaTime;

namespace ComplianceAnalytics.Store;

/// <summary>The periods whose complaints returns were published (published_returns).</summary>
public static class PublishedReturns
{
    /// <summary>The fingerprint the period was last published with, or null when it never was.</summary>
    public static string? Fingerprint(ComplianceStore store, string period)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.Connection.Scalar<string>(StoreSql.Get("PublishedReturns.Fingerprint"), period);
    }

    /// <summary>Records that the return of <paramref name="period"/> was published with this fingerprint, run and outputs.</summary>
    public static void Record(ComplianceStore store, string period, string fingerprint, string runId, Instant publishedAt, string outputsJson)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.Connection.Execute(StoreSql.Get("PublishedReturns.Record"), period, fingerprint, runId, StoreTime.Timestamp(publishedAt), outputsJson);
    }
}
