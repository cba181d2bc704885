using System.Globalization;
using NodaTime;

namespace ComplianceAnalytics.Actions;

/// <summary>
/// One action a firm took to fix a failure (issue 17): what it was, who owns it, when it took
/// effect and which stage instances it was meant to improve. A null scope key matches everything.
/// </summary>
public sealed record ImprovementAction(
    string Id,
    string Org,
    LocalDate Date,
    ActionScope Scope,
    string Description,
    string Owner,
    string SourceFile);

/// <summary>The stage instances an action is about: every given key must match (and), the others match anything.</summary>
public sealed record ActionScope(string? Stage, string? Team, string? Category, string? RootCause, string? Product)
{
    /// <summary>How the scope reads in the pack, e.g. <c>stage response, team Infrastructure</c>.</summary>
    public override string ToString() => string.Join(", ", new[]
        {
            ("stage", Stage), ("team", Team), ("category", Category), ("root cause", RootCause), ("product", Product),
        }
        .Where(p => p.Item2 is not null)
        .Select(p => $"{p.Item1} {p.Item2}"));
}

/// <summary>One problem in an actions folder: file (relative to the folder), line, key and what is wrong.</summary>
public sealed record ActionError(string File, int Line, string Key, string Message)
{
    /// <summary>The error as one line, <c>file:line: key: message</c>, as the CLI prints it.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}: {Key}: {Message}");
}

/// <summary>Raised when an actions folder has errors; the message lists every one, one per line.</summary>
public sealed class ActionValidationException : Exception
{
    /// <summary>Raised with every error found in the folder, in the order they were found.</summary>
    public ActionValidationException(IReadOnlyList<ActionError> errors)
        : base($"The actions have {errors.Count} error(s):{Environment.NewLine}{string.Join(Environment.NewLine, errors)}")
    {
        Errors = errors;
    }

    /// <summary>Every error found, never empty.</summary>
    public IReadOnlyList<ActionError> Errors { get; }
}
