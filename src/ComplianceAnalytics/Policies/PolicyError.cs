namespace ComplianceAnalytics.Policies;

/// <summary>
/// One problem found while loading the policies folder: the file it is in (relative to the
/// folder, e.g. <c>jpdit.yaml</c> or <c>calendars/scotland.csv</c>), the field or line, and what is wrong.
/// </summary>
public sealed record PolicyError(string File, string Field, string Message)
{
    /// <summary>The form people read and grep for: <c>jpdit.yaml: stages[1].limit: ...</c>.</summary>
    public override string ToString() => $"{File}: {Field}: {Message}";
}
