using NodaTime;

namespace ComplianceAnalytics.Clocks;

/// <summary>
/// One loaded event of a case, as the clocks see it. <paramref name="DueAt"/> is set on
/// <c>deadline_extended</c> only (a date-only due_at is already the end of that local day).
/// </summary>
public sealed record CaseEvent(string EventType, Instant OccurredAt, Instant? DueAt = null);
