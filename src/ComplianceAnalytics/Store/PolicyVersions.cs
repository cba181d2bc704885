using System.Text.Json;
using NodaTime;

namespace ComplianceAnalytics.Store;

/// <summary>The latest version of a policy file the store has seen: its SHA-256 and every key's value.</summary>
public sealed record PolicyVersion(string Sha256, IReadOnlyDictionary<string, string> Rules);

/// <summary>
/// Every version of every policy file the store has seen (policy_versions): its SHA-256, when it was first
/// and last seen, and which keys changed from the version before. The store keeps the rows; which keys
/// changed is the policies' to say (Policies.PolicyHistory), so that the store knows no policy type.
/// </summary>
public static class PolicyVersions
{
    /// <summary>The version of <paramref name="file"/> seen last, or null when the store has never seen it.</summary>
    public static PolicyVersion? Latest(ComplianceStore store, string file)
    {
        ArgumentNullException.ThrowIfNull(store);
        using var reader = store.Connection.Query(
            "SELECT sha256, rules FROM policy_versions WHERE file = $1 ORDER BY last_seen DESC, first_seen DESC LIMIT 1", file);
        return reader.Read()
            ? new PolicyVersion(reader.GetString(0), JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(1)) ?? [])
            : null;
    }

    /// <summary>Moves the last_seen of a version the store has already seen to <paramref name="now"/> (never back).</summary>
    public static void Seen(ComplianceStore store, string file, string sha256, Instant now)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.Connection.Execute(
            "UPDATE policy_versions SET last_seen = greatest(last_seen, $3) WHERE file = $1 AND sha256 = $2", file, sha256, Timestamp(now));
    }

    /// <summary>A new version, first and last seen at <paramref name="now"/>; <paramref name="changedKeys"/> is null for a file's first.</summary>
    public static void Add(
        ComplianceStore store, string file, string org, string sha256, Instant now, IReadOnlyList<string>? changedKeys, IReadOnlyDictionary<string, string> rules)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.Connection.Execute(
            "INSERT INTO policy_versions (file, org, sha256, first_seen, last_seen, changed_keys, rules) VALUES ($1, $2, $3, $4, $4, $5, $6)",
            file, org, sha256, Timestamp(now), changedKeys is null ? null : string.Join(", ", changedKeys), JsonSerializer.Serialize(rules));
    }

    private static DuckDb.DuckDbTimestamp Timestamp(Instant at) => new(at.ToUnixTimeTicks() / 10);
}
