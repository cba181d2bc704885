using ComplianceAnalytics.Domain;
using NodaTime;

namespace ComplianceAnalytics.Clocks;

/// <summary>One duration of one case: its measure, the instant of its end event (for the month) and its days.</summary>
public sealed record CaseDuration(string Measure, Instant EndedAt, double Days);

/// <summary>The duration measures of contract §5.</summary>
public static class Durations
{
    /// <summary>The measure of each closed escalation cycle: escalation_requested to escalation_response_issued, in elapsed days.</summary>
    public const string EscalationResponse = "escalation_response";
    /// <summary>The measure from the first complaint_received to the first deadlock letter, in elapsed days.</summary>
    public const string TimeToDeadlock = "time_to_deadlock";
    /// <summary>The measure from the first deadlock letter to the first ADR referral at or after it, in elapsed days.</summary>
    public const string DeadlockToAdr = "deadlock_to_adr";
    /// <summary>The measure from the first ADR referral to the first ADR decision at or after it, in elapsed days.</summary>
    public const string AdrDuration = "adr_duration";

    /// <summary>
    /// The durations of one case: one per closed cycle of the stage that starts at <c>escalation_requested</c> and
    /// stops at <c>escalation_response_issued</c>, then at most one of each event-to-event measure.
    /// "After it" is taken as at or after: an ADR referral or decision at the very instant of the event it
    /// follows counts, with a duration of zero.
    /// </summary>
    /// <remarks>
    /// The escalation stage is the one the contract names by its events, whatever stages the policy has: a
    /// policy's own escalation stage may start or stop at other events too, or be missing.
    /// </remarks>
    public static IReadOnlyList<CaseDuration> Compute(IReadOnlyList<CaseEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);

        var result = EscalationCycles(events);

        var received = First(events, EventTypes.ComplaintReceived, null);
        var deadlock = First(events, EventTypes.DeadlockLetterIssued, null);
        if (received is { } r && deadlock is { } d)
        {
            result.Add(Between(TimeToDeadlock, r, d));
        }

        if (deadlock is { } dl && First(events, EventTypes.AdrReferred, dl) is { } referredAfterDeadlock)
        {
            result.Add(Between(DeadlockToAdr, dl, referredAfterDeadlock));
        }

        if (First(events, EventTypes.AdrReferred, null) is { } referred
            && First(events, EventTypes.AdrDecision, referred) is { } decided)
        {
            result.Add(Between(AdrDuration, referred, decided));
        }

        return result;
    }

    /// <summary>
    /// The closed cycles of contract §4 for start <c>escalation_requested</c> and stop <c>escalation_response_issued</c>:
    /// at one instant the start applies before the stop, so both at once make a cycle of zero.
    /// </summary>
    private static List<CaseDuration> EscalationCycles(IReadOnlyList<CaseEvent> events)
    {
        var result = new List<CaseDuration>();
        Instant? open = null;
        var ordered = StageClock.InTimeOrder(events, Instant.MaxValue);
        for (var first = 0; first < ordered.Length;)
        {
            var at = ordered[first].OccurredAt;
            bool requested = false, answered = false;
            var end = first;
            for (; end < ordered.Length && ordered[end].OccurredAt == at; end++)
            {
                requested |= ordered[end].EventType == EventTypes.EscalationRequested;
                answered |= ordered[end].EventType == EventTypes.EscalationResponseIssued;
            }

            first = end;
            if (open is null && requested)
            {
                open = at;
            }

            if (open is { } started && answered)
            {
                result.Add(Between(EscalationResponse, started, at));
                open = null;
            }
        }

        return result;
    }

    /// <remarks>Days from the exact tick count in one division, so that no rounding of seconds adds to it.</remarks>
    private static CaseDuration Between(string measure, Instant start, Instant end) =>
        new(measure, end, (end - start).BclCompatibleTicks / (double)NodaConstants.TicksPerDay);

    /// <summary>The first instant of an event of <paramref name="type"/>, at or after <paramref name="notBefore"/> if given.</summary>
    private static Instant? First(IReadOnlyList<CaseEvent> events, string type, Instant? notBefore)
    {
        Instant? first = null;
        foreach (var e in events)
        {
            if (e.EventType == type && (notBefore is null || e.OccurredAt >= notBefore) && (first is null || e.OccurredAt < first))
            {
                first = e.OccurredAt;
            }
        }

        return first;
    }
}
