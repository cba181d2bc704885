using NodaTime;

namespace ComplianceAnalytics.Policies;

/// <summary>One stage of a complaints procedure (contract §3). Its limit may have dated versions.</summary>
public sealed record StageDefinition(
    string Id,
    IReadOnlyList<string> Start,
    IReadOnlyList<string> Stop,
    LimitSchedule Limit,
    IReadOnlyList<string> PauseOn,
    IReadOnlyList<string> ResumeOn,
    bool Extendable)
{
    /// <summary>The stage's name for people (<c>name:</c>, in the procedure's own words); the id when none.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// The share of stopped instances that should meet the limit (<c>target: 95%</c>), possibly with dated
    /// versions; the service default when none (or before its first version).
    /// </summary>
    public TargetSchedule? Target { get; init; }

    /// <summary>What the packs show for the stage: its <see cref="Name"/>, or its id when it has none.</summary>
    internal string DisplayName => Name ?? Id;
}

/// <summary>When a customer may take the complaint to an ADR scheme without a deadlock letter.</summary>
/// <remarks>The version applied to a case is the one in force on the local date of its first complaint_received.</remarks>
public sealed record AdrRule(LimitSchedule EligibleAfter);

/// <summary>The time a customer has to take the next step, e.g. to ask for an escalation.</summary>
public sealed record CustomerWindowDefinition(
    string Id,
    IReadOnlyList<string> From,
    IReadOnlyList<string> To,
    LimitSchedule Limit);

/// <summary>An organisation's complaints procedure as the system reads it.</summary>
public sealed record Policy(
    string Org,
    string Name,
    DateTimeZone TimeZone,
    IReadOnlyList<IsoDayOfWeek> WorkingDays,
    string? Holidays,
    BusinessCalendar Calendar,
    IReadOnlyList<StageDefinition> Stages,
    AdrRule? Adr,
    IReadOnlyList<CustomerWindowDefinition> CustomerWindows,
    string SourcePath)
{
    /// <summary>The currency of redress amounts (<c>currency: GBP</c>), shown beside them; none when absent.</summary>
    public string? Currency { get; init; }

    /// <summary>The language of the firm's workbooks (<c>language: sv</c>); English when absent.</summary>
    public string Language { get; init; } = DefaultLanguage;

    /// <summary>English, the language of a policy without <c>language:</c>.</summary>
    internal const string DefaultLanguage = "en";
}
