using ComplianceAnalytics.Clocks;
using ComplianceAnalytics.Exports;
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
    public void A_request_with_no_from_event_before_it_is_not_late()
    {
        var requests = CustomerWindowClock.Evaluate(
            WithWindow,
            [E(EventTypes.EscalationRequested, "2026-03-01T10:00:00Z"), E(EventTypes.ResponseIssued, "2026-03-02T10:00:00Z"),
                E(EventTypes.EscalationRequested, "2026-06-01T10:00:00Z")]);

        Assert.Equal(2, requests.Count);
        Assert.Null(requests[0].FromAt);
        Assert.Null(requests[0].DueAt);
        Assert.False(requests[0].Late);
        Assert.True(requests[1].Late);
    }
}
