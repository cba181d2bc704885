using System.Security.Cryptography;
using ComplianceAnalytics.Store;
using NodaTime;

namespace ComplianceAnalytics.Policies;

/// <summary>A policy file whose content differs from the version of it the store saw last.</summary>
/// <param name="File">The policy file's name (e.g. <c>halo.yaml</c>), relative to the policies folder.</param>
/// <param name="ChangedKeys">The keys whose rules differ (empty: only comments or layout changed).</param>
public sealed record PolicyChange(string File, IReadOnlyList<string> ChangedKeys)
{
    /// <summary><c>halo.yaml changed: adr.eligible_after</c>, as the run log says it.</summary>
    public override string ToString() =>
        ChangedKeys.Count == 0 ? $"{File} changed: no rule (comments or layout)" : $"{File} changed: {string.Join(", ", ChangedKeys)}";
}

/// <summary>
/// Records every version of every policy file in the store (<see cref="PolicyVersions"/>) with which keys
/// changed from the version before, so that an auditor can tell which rule a month's figures were computed under.
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
        var changes = new List<PolicyChange>();
        foreach (var policy in policies.All)
        {
            var file = Path.GetFileName(policy.SourcePath);
            var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(policy.SourcePath)));
            var rules = PolicyKeys.Flatten(policy);
            var latest = PolicyVersions.Latest(store, file);
            if (string.Equals(latest?.Sha256, sha, StringComparison.Ordinal))
            {
                PolicyVersions.Seen(store, file, sha, now);
                continue;
            }

            IReadOnlyList<string>? changed = null;
            if (latest is not null)
            {
                changed = PolicyKeys.Changed(latest.Rules, rules);
                changes.Add(new PolicyChange(file, changed));
            }

            PolicyVersions.Add(store, file, policy.Org, sha, now, changed, rules);
        }

        return changes;
    }
}
