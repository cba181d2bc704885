using ComplianceAnalytics.Policies;
using NodaTime;

namespace ComplianceAnalytics.Clocks;

/// <summary>The status of a stage instance at an as-of instant (contract §4).</summary>
public enum StageStatus
{
    /// <summary>Stopped at or before the original due time, without needing any extension.</summary>
    Met,
    /// <summary>Stopped after the original due time but by the due time an extension in time moved it to.</summary>
    MetExtended,
    /// <summary>Stopped after the due time.</summary>
    Breached,
    /// <summary>Not stopped at the as-of and its due time not passed, or paused (a paused clock does not run out).</summary>
    OpenWithin,
    /// <summary>Not stopped at the as-of, not paused, and its due time passed.</summary>
    OpenBreached,
}

/// <summary>One cycle of one stage of one case, evaluated at an as-of instant (contract §4, §6).</summary>
/// <param name="Org">The organisation code.</param>
/// <param name="CaseRef">The case's reference within the organisation.</param>
/// <param name="Stage">The stage's id in the policy.</param>
/// <param name="Cycle">The cycle: 1 for the stage's first instance in the case, one more for each instance after it.</param>
/// <param name="StartedAt">The instant of the start event.</param>
/// <param name="OriginalDueAt">The due time from the limit and the pauses, before any extension.</param>
/// <param name="DueAt">The due time after pauses and in-time extensions; the one lateness is judged by.</param>
/// <param name="StoppedAt">The instant of the stop event; null while open at the as-of.</param>
/// <param name="Status">The status at the as-of.</param>
/// <param name="Paused">The elapsed time spent paused (an open pause counted up to the as-of).</param>
/// <param name="Extended">Whether an extension notified in time moved the due time.</param>
/// <param name="Limit">The version of the stage's limit that applied: the one in force on the local date of the start.</param>
public sealed record StageInstance(
    string Org,
    string CaseRef,
    string Stage,
    int Cycle,
    Instant StartedAt,
    Instant OriginalDueAt,
    Instant DueAt,
    Instant? StoppedAt,
    StageStatus Status,
    Duration Paused,
    bool Extended,
    TimeLimit Limit)
{
    /// <summary>
    /// <see cref="Paused"/> in seconds, from the exact tick count in one division: NodaTime's TotalSeconds adds
    /// whole days and the rest as two doubles, which writes a pause of 92699.999999 s as 92699.99999899999.
    /// </summary>
    public double PausedSeconds => Paused.BclCompatibleTicks / (double)NodaConstants.TicksPerSecond;
}
