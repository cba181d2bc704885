using ComplianceAnalytics.Policies;
using NodaTime;

namespace ComplianceAnalytics.Clocks;

/// <summary>The status of a stage instance at an as-of instant (contract §4).</summary>
public enum StageStatus
{
    Met,
    MetExtended,
    Breached,
    OpenWithin,
    OpenBreached,
}

/// <summary>One cycle of one stage of one case, evaluated at an as-of instant (contract §4, §6).</summary>
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
