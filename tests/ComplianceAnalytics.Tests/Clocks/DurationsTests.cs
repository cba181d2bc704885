using ComplianceAnalytics.Clocks;
using ComplianceAnalytics.Domain;
using static ComplianceAnalytics.Tests.Clocks.ClockFixtures;

namespace ComplianceAnalytics.Tests.Clocks;

/// <summary>Contract §5 Durations.</summary>
public class DurationsTests
{
    [Fact]
    public void Event_to_event_durations_run_from_the_first_event_to_the_first_end_event_after_it_in_days()
    {
        CaseEvent[] events =
        [
            E(EventTypes.AdrDecision, "2026-03-09T00:00:00Z"),
            E(EventTypes.DeadlockLetterIssued, "2026-03-05T00:00:00Z"),
            E(EventTypes.ComplaintReceived, "2026-01-05T00:00:00Z"),
            E(EventTypes.DeadlockLetterIssued, "2026-03-02T12:00:00Z"),
            E(EventTypes.AdrReferred, "2026-03-20T00:00:00Z"),
            E(EventTypes.AdrReferred, "2026-03-10T00:00:00Z"),
            E(EventTypes.AdrDecision, "2026-04-10T00:00:00Z"),
        ];

        var durations = Durations.Compute(events);

        Assert.Equal(
            [
                new CaseDuration(Durations.TimeToDeadlock, At("2026-03-02T12:00:00Z"), 56.5),
                new CaseDuration(Durations.DeadlockToAdr, At("2026-03-10T00:00:00Z"), 7.5),
                new CaseDuration(Durations.AdrDuration, At("2026-04-10T00:00:00Z"), 31),
            ],
            durations);
    }

    [Fact]
    public void An_adr_referral_before_the_deadlock_letter_does_not_end_deadlock_to_adr_but_one_at_the_same_instant_does()
    {
        CaseEvent[] events =
        [
            E(EventTypes.AdrReferred, "2026-03-01T00:00:00Z"),
            E(EventTypes.DeadlockLetterIssued, "2026-03-02T00:00:00Z"),
            E(EventTypes.AdrReferred, "2026-03-02T00:00:00Z"),
        ];

        var duration = Assert.Single(Durations.Compute(events));

        Assert.Equal(new CaseDuration(Durations.DeadlockToAdr, At("2026-03-02T00:00:00Z"), 0), duration);
    }

    [Fact]
    public void Measures_need_both_their_events()
    {
        CaseEvent[] events = [E(EventTypes.DeadlockLetterIssued, "2026-03-02T00:00:00Z"), E(EventTypes.AdrDecision, "2026-04-02T00:00:00Z")];

        Assert.Empty(Durations.Compute(events));
    }

    [Fact]
    public void Escalation_response_is_each_closed_cycle_from_escalation_requested_to_escalation_response_issued()
    {
        CaseEvent[] events =
        [
            E(EventTypes.EscalationResponseIssued, "2026-03-31T09:00:00Z"), // orphan stop
            E(EventTypes.EscalationRequested, "2026-04-01T09:00:00Z"),
            E(EventTypes.EscalationRequested, "2026-04-03T09:00:00Z"), // ignored: a cycle is open
            E(EventTypes.EscalationResponseIssued, "2026-04-15T21:00:00Z"),
            E(EventTypes.EscalationResponseIssued, "2026-04-16T21:00:00Z"), // orphan stop
            E(EventTypes.EscalationResponseIssued, "2026-04-20T09:00:00Z"), // same instant: start first
            E(EventTypes.EscalationRequested, "2026-04-20T09:00:00Z"),
            E(EventTypes.EscalationRequested, "2026-05-01T09:00:00Z"), // still open
        ];

        var durations = Durations.Compute(events);

        Assert.Equal(
            [
                new CaseDuration(Durations.EscalationResponse, At("2026-04-15T21:00:00Z"), 14.5),
                new CaseDuration(Durations.EscalationResponse, At("2026-04-20T09:00:00Z"), 0),
            ],
            durations);
    }

    [Fact]
    public void Days_are_the_nearest_double_to_the_exact_duration()
    {
        CaseEvent[] events =
        [
            E(EventTypes.EscalationRequested, "2026-04-01T09:00:00Z"),
            E(EventTypes.EscalationResponseIssued, "2026-04-02T10:44:59.999999Z"), // 92699.999999 s
        ];

        var duration = Assert.Single(Durations.Compute(events));

        // 92699999999 µs / 86400000000 µs, correctly rounded; seconds first would give ...0924.
        Assert.Equal(1.0729166666550927, duration.Days);
    }
}
