using System.Security.Cryptography;
using System.Text.Json;
using ComplianceAnalytics.Policies;
using NodaTime;

namespace ComplianceAnalytics.Store;

/// <summary>A policy file whose content differs from the version of it the store saw last.</summary>
/// <param name="ChangedKeys">The keys whose rules differ (empty: only comments or layout changed).</param>
public sealed record PolicyChange(string File, IReadOnlyList<string> ChangedKeys)
{
    /// <summary><c>halo.yaml changed: adr.eligible_after</c>, as the run log says it.</summary>
    public override string ToString() =>
        ChangedKeys.Count == 0 ? $"{File} changed: no rule (comments or layout)" : $"{File} changed: {string.Join(", ", ChangedKeys)}";
}

/// <summary>
/// Every version of every policy file the store has seen (policy_versions): its SHA-256, when it was first
/// and last seen, and which keys changed from the version before, so that an auditor can tell which rule a
/// month's figures were computed under.
/// </summary>
public static class PolicyHistory
{
    /// <summary>
    /// Records the files of <paramref name="policies"/> as seen at <paramref name="now"/>: a file whose content is
    /// that of its latest version only has that version's last_seen moved; any other content is a new version.
    /// Returns the files that changed since the store last saw them (a file seen for the first time is not a change).
    /// </summary>
    public static IReadOnlyList<PolicyChange> Record(ComplianceStore store, PolicySet policies, Instant now)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(policies);
        var db = store.Connection;
        var at = new DuckDb.DuckDbTimestamp(now.ToUnixTimeTicks() / 10);
        var changes = new List<PolicyChange>();
        foreach (var policy in policies.All)
        {
            var file = Path.GetFileName(policy.SourcePath);
            var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(policy.SourcePath)));
            var rules = PolicyKeys.Flatten(policy);
            string? latestSha = null, latestRules = null;
            using (var reader = db.Query(
                "SELECT sha256, rules FROM policy_versions WHERE file = $1 ORDER BY last_seen DESC, first_seen DESC LIMIT 1", file))
            {
                if (reader.Read())
                {
                    latestSha = reader.GetString(0);
                    latestRules = reader.GetString(1);
                }
            }

            if (string.Equals(latestSha, sha, StringComparison.Ordinal))
            {
                db.Execute("UPDATE policy_versions SET last_seen = greatest(last_seen, $3) WHERE file = $1 AND sha256 = $2", file, sha, at);
                continue;
            }

            string? changedKeys = null;
            if (latestRules is not null)
            {
                var before = JsonSerializer.Deserialize<Dictionary<string, string>>(latestRules) ?? [];
                var changed = PolicyKeys.Changed(before, rules);
                changes.Add(new PolicyChange(file, changed));
                changedKeys = string.Join(", ", changed);
            }

            db.Execute(
                "INSERT INTO policy_versions (file, org, sha256, first_seen, last_seen, changed_keys, rules) VALUES ($1, $2, $3, $4, $4, $5, $6)",
                file, policy.Org, sha, at, changedKeys, JsonSerializer.Serialize(rules));
        }

        return changes;
    }
}
