using ComplianceAnalytics.Domain;
using ComplianceAnalytics.Policies;
using NodaTime;

namespace ComplianceAnalytics.Clocks;

/// <summary>
/// A case's ADR letter position at the time it becomes eligible for ADR: whether it needs a deadlock letter
/// and whether that letter is missing (contract §5).
/// </summary>
/// <param name="DueAt">When the case becomes eligible for ADR: the end of <c>eligible_after</c> from the first complaint_received.</param>
/// <param name="NeedsLetter">Whether no response_issued or closed came by then, so a deadlock letter was due by then.</param>
/// <param name="LetterMissing">Whether a needed letter was not issued by then.</param>
/// <param name="EligibleAfter">The version of <c>eligible_after</c> that applied: the one in force on the first complaint_received's local date.</param>
public sealed record AdrLetterStatus(Instant DueAt, bool NeedsLetter, bool LetterMissing, TimeLimit EligibleAfter);

/// <summary>ADR letters of contract §5, for policies with an <c>adr</c> rule.</summary>
public static class AdrLetterCheck
{
    /// <summary>
    /// The case's ADR letter status, or null when the policy has no ADR rule, the case no
    /// <c>complaint_received</c>, or no version of the rule was in force on its local date (no rule, so no letter
    /// is needed: contract §3). It is computed whether or not the due time has passed: the measure belongs to
    /// the month the due time falls in, so callers keep the statuses whose due time is in the month reported
    /// (and the events they pass decide what was known by then).
    /// </summary>
    public static AdrLetterStatus? Evaluate(Policy policy, IReadOnlyList<CaseEvent> events)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(events);
        if (policy.Adr is null)
        {
            return null;
        }

        var received = events.Where(e => e.EventType == EventTypes.ComplaintReceived).ToList();
        if (received.Count == 0)
        {
            return null;
        }

        var first = received.Min(e => e.OccurredAt);
        if (policy.Adr.EligibleAfter.For(first, policy.TimeZone) is not { } eligibleAfter)
        {
            return null;
        }

        var due = EligibleAt(first, eligibleAfter, policy);
        var answered = events.Any(e =>
            e.OccurredAt <= due && e.EventType is EventTypes.ResponseIssued or EventTypes.Closed);
        var needsLetter = !answered;
        var letterMissing = needsLetter && !events.Any(e =>
            e.OccurredAt <= due && e.EventType == EventTypes.DeadlockLetterIssued);
        return new AdrLetterStatus(due, needsLetter, letterMissing, eligibleAfter);
    }

    /// <remarks>
    /// <c>eligible_after</c> is a day-based limit (contract §5); a limit in hours, which no published procedure
    /// uses, is taken to end at the end of the local day its hours run out on.
    /// </remarks>
    private static Instant EligibleAt(Instant received, TimeLimit limit, Policy policy)
    {
        var due = DueDates.Due(received, limit, policy.TimeZone, policy.Calendar);
        return limit.IsDayBased ? due : DueDates.EndOfDay(DueDates.DateOf(due, policy.TimeZone), policy.TimeZone);
    }
}
