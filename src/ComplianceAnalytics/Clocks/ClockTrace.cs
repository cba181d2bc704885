using NodaTime;

namespace ComplianceAnalytics.Clocks;

/// <summary>What one event (or the as-of) did to a stage instance's clock.</summary>
public enum ClockStepKind
{
    /// <summary>The clock started; the due time is the limit's from the start.</summary>
    Started,

    /// <summary>A pause began (at or before the due time).</summary>
    Paused,

    /// <summary>A pause event after the due time: a pause after the breach rescues nothing.</summary>
    PauseAfterDue,

    /// <summary>A pause ended; the due times moved by its counted days.</summary>
    Resumed,

    /// <summary>An extension in time settled the pause so far (contract §4); a new pause began at once.</summary>
    PauseSettled,

    /// <summary>An extension notified in time moved the due time to the extended deadline.</summary>
    ExtensionApplied,

    /// <summary>An extension notified in time whose deadline was not later than the due time.</summary>
    ExtensionNotLater,

    /// <summary>An extension notified after the due time, ignored.</summary>
    ExtensionLate,

    /// <summary>The clock stopped.</summary>
    Stopped,

    /// <summary>The instance is still open at the as-of (a running pause ends there).</summary>
    OpenAtAsOf,
}

/// <summary>
/// One step of a stage instance's clock, recorded by <see cref="StageClock"/> as it computes.
/// </summary>
/// <param name="Stage">The stage's id in the policy.</param>
/// <param name="Cycle">The instance's cycle (see <see cref="StageInstance.Cycle"/>).</param>
/// <param name="At">The instant of the event, or the as-of for <see cref="ClockStepKind.OpenAtAsOf"/>.</param>
/// <param name="Kind">What the step did.</param>
/// <param name="EventType">The event that made the step; empty for <see cref="ClockStepKind.OpenAtAsOf"/>.</param>
/// <param name="DueAt">The due time after the step (for <see cref="ClockStepKind.ExtensionLate"/>: the one it was late against).</param>
/// <param name="OriginalDueAt">The original due time after the step.</param>
/// <param name="Requested">The extended deadline an extension asked for.</param>
/// <param name="PausedFrom">For the end of a pause: when it began.</param>
/// <param name="CountedDays">For the end of a pause: the counted days in (d(p), d(r)] it moved the due times by.</param>
public sealed record ClockStep(
    string Stage,
    int Cycle,
    Instant At,
    ClockStepKind Kind,
    string EventType,
    Instant DueAt,
    Instant OriginalDueAt,
    Instant? Requested = null,
    Instant? PausedFrom = null,
    int CountedDays = 0);

/// <summary>
/// The steps of every stage instance of one evaluation, in the order the clock took them. Passed to
/// <see cref="StageClock.Evaluate"/> only when the reasons are wanted, so the figures and their
/// explanation come from the same computation.
/// </summary>
public sealed class ClockTrace
{
    private readonly List<ClockStep> _steps = [];

    /// <summary>The steps of one instance, in order.</summary>
    public IReadOnlyList<ClockStep> For(string stage, int cycle) =>
        _steps.FindAll(s => s.Cycle == cycle && string.Equals(s.Stage, stage, StringComparison.Ordinal));

    /// <summary>Forgets the steps recorded so far, so that one trace serves case after case.</summary>
    internal void Clear() => _steps.Clear();

    internal void Add(ClockStep step) => _steps.Add(step);
}
