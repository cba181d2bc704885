namespace ComplianceAnalytics.Policies;

/// <summary>
/// The policies read from a policies folder, and every error found in it. A file with any
/// error contributes no policy, so a caller that ignores <see cref="Errors"/> never measures
/// against half a procedure.
/// </summary>
public sealed class PolicySet
{
    private readonly Dictionary<string, Policy> _byOrg;

    /// <summary>A set of the valid policies (at most one per org) and every error found while reading them.</summary>
    public PolicySet(IEnumerable<Policy> policies, IEnumerable<PolicyError> errors)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(errors);
        All = [.. policies.OrderBy(p => p.Org, StringComparer.Ordinal)];
        Errors = [.. errors];
        _byOrg = new Dictionary<string, Policy>(StringComparer.Ordinal);
        foreach (var policy in All)
        {
            if (!_byOrg.TryAdd(policy.Org, policy))
            {
                throw new ArgumentException($"Two policies for org '{policy.Org}'.", nameof(policies));
            }
        }
    }

    /// <summary>The valid policies, in ordinal order of org.</summary>
    public IReadOnlyList<Policy> All { get; }

    /// <summary>Every error, in the order found: files in ordinal order of name, fields in file order.</summary>
    public IReadOnlyList<PolicyError> Errors { get; }

    /// <summary>Whether the folder had no error at all; a CLI verb or host refuses to start otherwise.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>The policy of <paramref name="org"/> (ordinal, case-sensitive as in contract §1), or null.</summary>
    public Policy? Find(string org) => _byOrg.GetValueOrDefault(org);
}
