using NodaTime;

namespace ComplianceAnalytics.Store;

/// <summary>The months whose packs were published (published_packs), with what they were made from.</summary>
public static class PublishedPacks
{
    /// <summary>The fingerprint and policy rules the month was last published with, or null when it never was.</summary>
    public static (string Fingerprint, string? PolicyRules)? Find(ComplianceStore store, string month)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var reader = store.Connection.Query(StoreSql.Get("PublishedPacks.Find"), month);
        return reader.Read() ? (reader.GetString(0), reader.IsNull(1) ? null : reader.GetString(1)) : null;
    }

    /// <summary>Records that <paramref name="month"/> was published with this fingerprint, run, outputs and the policy rules it depends on.</summary>
    public static void Record(ComplianceStore store, string month, string fingerprint, string runId, Instant publishedAt, string outputsJson, string? policyRules)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.Connection.Execute(StoreSql.Get("PublishedPacks.Record"), month, fingerprint, runId, StoreTime.Timestamp(publishedAt), outputsJson, policyRules);
    }
}
