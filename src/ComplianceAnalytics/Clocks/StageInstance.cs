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
    bool Extended);
