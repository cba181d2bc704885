using ComplianceAnalytics.Clocks;
using ComplianceAnalytics.Domain;
using ComplianceAnalytics.Policies;
using static ComplianceAnalytics.Tests.Clocks.ClockFixtures;

namespace ComplianceAnalytics.Tests.Clocks;

/// <summary>Contract §5 Customer windows.</summary>
public class CustomerWindowClockTests
{
    private static readonly Policy WithWindow = Policy(
        [],
        windows: [new CustomerWindowDefinition("escalation_window", [EventTypes.ResponseIssued], [EventTypes.EscalationRequested], TimeLimit.Parse("28 days"))]);

    private static CustomerWindowRequest One(params CaseEvent[] events) =>
        Assert.Single(CustomerWindowClock.Evaluate(WithWindow, events));

    [Theory]
    // 28 days from 2 March: the end of 30 March, in BST.
    [InlineData("2026-03-30T22:59:59.999999Z", false)]
    [InlineData("2026-03-30T23:00:00Z", true)]
    public void A_request_after_the_window_due_time_is_late(string requestedAt, bool late)
    {
        var request = One(E(EventTypes.ResponseIssued, "2026-03-02T10:00:00Z"), E(EventTypes.EscalationRequested, requestedAt));

        Assert.Equal("escalation_window", request.Window);
        Assert.Equal(At(requestedAt), request.RequestedAt);
        Assert.Equal(At("2026-03-02T10:00:00Z"), request.FromAt);
        Assert.Equal(At("2026-03-30T22:59:59.999999Z"), request.DueAt);
        Assert.Equal(late, request.Late);
    }

    [Fact]
    public void The_window_runs_from_the_latest_from_event_before_the_request_whatever_the_input_order()
    {
        var request = One(
            E(EventTypes.EscalationRequested, "2026-04-10T10:00:00Z"),
            E(EventTypes.ResponseIssued, "2026-04-20T10:00:00Z"),
            E(EventTypes.ResponseIssued, "2026-03-02T10:00:00Z"),
            E(EventTypes.ResponseIssued, "2026-03-20T10:00:00Z"));

        Assert.Equal(At("2026-03-20T10:00:00Z"), request.FromAt);
        Assert.False(request.Late);
    }

    [Fact]
    public void A_from_event_at_the_same_instant_as_the_request_is_not_before_it()
    {
        var request = One(
            E(EventTypes.ResponseIssued, "2026-03-02T10:00:00Z"),
            E(EventTypes.ResponseIssued, "2026-05-01T10:00:00Z"),
            E(EventTypes.EscalationRequested, "2026-05-01T10:00:00Z"));

        Assert.Equal(At("2026-03-02T10:00:00Z"), request.FromAt);
        Assert.True(request.Late);
    }

    [Fact]
    public void A_to_event_with_no_from_event_before_it_is_no_request_of_the_window()
    {
        var requests = CustomerWindowClock.Evaluate(
            WithWindow,
            [E(EventTypes.EscalationRequested, "2026-03-01T10:00:00Z"), E(EventTypes.ResponseIssued, "2026-03-02T10:00:00Z"),
                E(EventTypes.EscalationRequested, "2026-06-01T10:00:00Z")]);

        var request = Assert.Single(requests);
        Assert.Equal(At("2026-06-01T10:00:00Z"), request.RequestedAt);
        Assert.True(request.Late);
    }

    /// <summary>28 days until 31 May 2026 (London), 14 days for windows running from 1 June on.</summary>
    private static readonly Policy WithDatedWindow = Policy(
        [],
        windows:
        [
            new CustomerWindowDefinition(
                "escalation_window", [EventTypes.ResponseIssued], [EventTypes.EscalationRequested],
                LimitSchedule.Create([new DatedLimit(Date("2026-03-01"), TimeLimit.Parse("28 days")), new DatedLimit(Date("2026-06-01"), TimeLimit.Parse("14 days"))])),
        ]);

    [Theory]
    // The from event's local date chooses the version: 23:30Z on 31 May is 00:30 BST on 1 June.
    [InlineData("2026-05-31T23:30:00Z", "14 days", "2026-06-15T22:59:59.999999Z")]
    [InlineData("2026-05-31T22:59:59Z", "28 days", "2026-06-28T22:59:59.999999Z")]
    [InlineData("2026-03-01T00:00:00Z", "28 days", "2026-03-29T22:59:59.999999Z")]
    public void A_dated_window_takes_the_version_in_force_on_the_from_event_date(string fromAt, string limit, string due)
    {
        var request = Assert.Single(CustomerWindowClock.Evaluate(
            WithDatedWindow, [E(EventTypes.ResponseIssued, fromAt), E(EventTypes.EscalationRequested, "2026-06-20T10:00:00Z")]));

        Assert.Equal(TimeLimit.Parse(limit), request.Limit);
        Assert.Equal(At(due), request.DueAt);
    }

    [Fact]
    public void A_window_from_before_the_first_version_is_not_checked_and_its_to_event_is_no_request()
    {
        // 28 February 2026 is before the first version: no rule, so nothing to count, late or not.
        var requests = CustomerWindowClock.Evaluate(
            WithDatedWindow,
            [E(EventTypes.ResponseIssued, "2026-02-28T12:00:00Z"), E(EventTypes.EscalationRequested, "2026-05-01T10:00:00Z")]);

        Assert.Empty(requests);
    }
}
