using ComplianceAnalytics.Policies;
using NodaTime;

namespace ComplianceAnalytics.Clocks;

/// <summary>
/// One customer request (a <c>to</c> event that has a window): the <c>from</c> event its window runs from, the
/// version of the window's limit in force on that event's local date, the window's due time, and whether the
/// request came after it.
/// </summary>
public sealed record CustomerWindowRequest(string Window, Instant RequestedAt, Instant FromAt, TimeLimit Limit, Instant DueAt, bool Late);

/// <summary>Customer windows of contract §5: the time a customer has to take the next step.</summary>
public static class CustomerWindowClock
{
    /// <summary>
    /// Every request of every window of the policy in one case's events, by window order in the policy, then
    /// instant. The window of a request runs from the latest <c>from</c> event strictly before it: a <c>from</c>
    /// event at the same instant as the request is not "before it", so it neither opens that request's window
    /// nor, being later than any earlier one, hides an earlier one. A <c>to</c> event with no <c>from</c> before
    /// it, or whose <c>from</c> falls before the first version of a dated limit, has no window and is no request
    /// of it, late or not (contract §5). Day-based limits end at the end of the due date, as for stages.
    /// </summary>
    public static IReadOnlyList<CustomerWindowRequest> Evaluate(Policy policy, IReadOnlyList<CaseEvent> events)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(events);

        if (policy.CustomerWindows.Count == 0)
        {
            return [];
        }

        var ordered = StageClock.InTimeOrder(events, Instant.MaxValue);
        var result = new List<CustomerWindowRequest>();
        foreach (var window in policy.CustomerWindows)
        {
            foreach (var request in ordered.Where(e => window.To.Contains(e.EventType, StringComparer.Ordinal)))
            {
                var from = ordered.LastOrDefault(e =>
                    e.OccurredAt < request.OccurredAt && window.From.Contains(e.EventType, StringComparer.Ordinal));
                if (from is null || window.Limit.For(from.OccurredAt, policy.TimeZone) is not { } limit)
                {
                    continue;
                }

                var due = DueDates.Due(from.OccurredAt, limit, policy.TimeZone, policy.Calendar);
                result.Add(new CustomerWindowRequest(
                    window.Id, request.OccurredAt, from.OccurredAt, limit, due, Late: request.OccurredAt > due));
            }
        }

        return result;
    }
}
