namespace ComplianceAnalytics.Policies;

/// <summary>Raised when a policies folder has errors; the message lists every one, one per line.</summary>
public sealed class PolicyValidationException : Exception
{
    /// <summary>Raised with every error of the policies folder, in the order found.</summary>
    public PolicyValidationException(IReadOnlyList<PolicyError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    /// <summary>Every error found, never empty.</summary>
    public IReadOnlyList<PolicyError> Errors { get; }

    private static string Describe(IReadOnlyList<PolicyError> errors) =>
        $"The policies have {errors.Count} error(s):{Environment.NewLine}{string.Join(Environment.NewLine, errors)}";
}
