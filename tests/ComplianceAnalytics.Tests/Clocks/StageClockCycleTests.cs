using ComplianceAnalytics.Clocks;
using ComplianceAnalytics.Domain;
using static ComplianceAnalytics.Tests.Clocks.ClockFixtures;

namespace ComplianceAnalytics.Tests.Clocks;

/// <summary>Contract §4 Cycles, the same-instant order and the as-of cut-off.</summary>
public class StageClockCycleTests
{
    private static readonly ComplianceAnalytics.Policies.StageDefinition Acknowledgement =
        Stage("acknowledgement", "2 business_days", [EventTypes.ComplaintReceived], [EventTypes.Acknowledged]);

    private static readonly ComplianceAnalytics.Policies.StageDefinition Investigation =
        Stage("investigation", "10 business_days", [EventTypes.Acknowledged, EventTypes.Reopened], [EventTypes.ResponseIssued]);

    [Fact]
    public void An_instance_opens_at_a_start_and_closes_at_the_first_stop()
    {
        var diagnostics = new StageEvaluationDiagnostics();
        var instance = Single(
            Acknowledgement,
            [
                E(EventTypes.ComplaintReceived, "2026-01-05T09:00:00Z"),
                E(EventTypes.Acknowledged, "2026-01-06T09:00:00Z"),
                E(EventTypes.Acknowledged, "2026-01-07T09:00:00Z"),
            ],
            "2026-02-01T00:00:00Z",
            diagnostics);

        Assert.Equal(1, instance.Cycle);
        Assert.Equal(At("2026-01-05T09:00:00Z"), instance.StartedAt);
        Assert.Equal(At("2026-01-07T23:59:59.999999Z"), instance.OriginalDueAt);
        Assert.Equal(At("2026-01-07T23:59:59.999999Z"), instance.DueAt);
        Assert.Equal(At("2026-01-06T09:00:00Z"), instance.StoppedAt);
        Assert.Equal(StageStatus.Met, instance.Status);
        // The second stop finds nothing open.
        Assert.Equal(1, diagnostics.OrphanStops[("jpdit", "acknowledgement")]);
    }

    [Fact]
    public void A_start_while_an_instance_is_open_is_ignored()
    {
        var instance = Single(
            Acknowledgement,
            [
                E(EventTypes.ComplaintReceived, "2026-01-05T09:00:00Z"),
                E(EventTypes.ComplaintReceived, "2026-01-08T09:00:00Z"),
                E(EventTypes.Acknowledged, "2026-01-08T10:00:00Z"),
            ],
            "2026-02-01T00:00:00Z");

        Assert.Equal(At("2026-01-05T09:00:00Z"), instance.StartedAt);
        Assert.Equal(StageStatus.Breached, instance.Status);
    }

    [Fact]
    public void A_stop_with_no_open_instance_is_ignored_and_counted_as_an_orphan_stop()
    {
        var diagnostics = new StageEvaluationDiagnostics();
        var instances = Evaluate(
            Policy([Acknowledgement, Investigation]),
            [E(EventTypes.Acknowledged, "2026-01-05T09:00:00Z"), E(EventTypes.ComplaintReceived, "2026-01-05T10:00:00Z")],
            "2026-01-05T12:00:00Z",
            diagnostics);

        var acknowledgement = Assert.Single(instances, i => i.Stage == "acknowledgement");
        Assert.Null(acknowledgement.StoppedAt);
        Assert.Equal(1, diagnostics.OrphanStops[("jpdit", "acknowledgement")]);
        Assert.False(diagnostics.OrphanStops.ContainsKey(("jpdit", "investigation")));
    }

    [Fact]
    public void Cycles_are_numbered_in_opening_order_and_output_is_by_stage_order_then_cycle()
    {
        var instances = Evaluate(
            Policy([Acknowledgement, Investigation]),
            [
                E(EventTypes.ComplaintReceived, "2026-01-05T09:00:00Z"),
                E(EventTypes.Acknowledged, "2026-01-05T12:00:00Z"),
                E(EventTypes.ResponseIssued, "2026-01-12T12:00:00Z"),
                E(EventTypes.Reopened, "2026-02-02T09:00:00Z"),
            ],
            "2026-02-03T00:00:00Z");

        Assert.Equal(
            [("acknowledgement", 1), ("investigation", 1), ("investigation", 2)],
            instances.Select(i => (i.Stage, i.Cycle)));
        Assert.Equal(At("2026-02-02T09:00:00Z"), instances[2].StartedAt);
        Assert.Equal(At("2026-02-16T23:59:59.999999Z"), instances[2].DueAt);
        Assert.Null(instances[2].StoppedAt);
        Assert.Equal(StageStatus.OpenWithin, instances[2].Status);
    }

    [Fact]
    public void A_start_and_a_stop_at_the_same_instant_open_and_close_an_instance_whatever_the_input_order()
    {
        var instance = Single(
            Acknowledgement,
            [E(EventTypes.Acknowledged, "2026-01-05T09:00:00Z"), E(EventTypes.ComplaintReceived, "2026-01-05T09:00:00Z")],
            "2026-02-01T00:00:00Z");

        Assert.Equal(instance.StartedAt, instance.StoppedAt);
        Assert.Equal(StageStatus.Met, instance.Status);
    }

    [Fact]
    public void Events_out_of_time_order_give_the_instances_of_the_same_events_in_order()
    {
        // The store reads events sorted and the clock skips sorting them then; any other order must agree.
        CaseEvent[] inOrder =
        [
            E(EventTypes.ComplaintReceived, "2026-01-05T09:00:00Z"),
            E(EventTypes.Acknowledged, "2026-01-06T09:00:00Z"),
            E(EventTypes.ResponseIssued, "2026-01-09T09:00:00Z"),
            E(EventTypes.Reopened, "2026-01-12T09:00:00Z"),
            E(EventTypes.ResponseIssued, "2026-02-20T09:00:00Z"),
        ];
        var policy = Policy([Acknowledgement, Investigation]);

        var expected = Evaluate(policy, inOrder, "2026-03-01T00:00:00Z");
        var reversed = Evaluate(policy, inOrder.Reverse().ToArray(), "2026-03-01T00:00:00Z");
        var rotated = Evaluate(policy, [.. inOrder[2..], .. inOrder[..2]], "2026-03-01T00:00:00Z");

        Assert.Equal(3, expected.Count);
        Assert.Equal(StageStatus.Breached, expected[2].Status);
        Assert.Equal(expected, reversed);
        Assert.Equal(expected, rotated);
    }

    [Fact]
    public void A_stop_and_a_start_at_the_same_instant_as_an_open_instance_close_it_and_open_none()
    {
        // The start is applied first and ignored (one is open); the stop then closes cycle 1.
        var diagnostics = new StageEvaluationDiagnostics();
        var instance = Single(
            Investigation,
            [
                E(EventTypes.Acknowledged, "2026-01-05T09:00:00Z"),
                E(EventTypes.ResponseIssued, "2026-01-09T09:00:00Z"),
                E(EventTypes.Reopened, "2026-01-09T09:00:00Z"),
            ],
            "2026-02-01T00:00:00Z",
            diagnostics);

        Assert.Equal(1, instance.Cycle);
        Assert.Equal(At("2026-01-09T09:00:00Z"), instance.StoppedAt);
        Assert.Empty(diagnostics.OrphanStops);
    }

    [Fact]
    public void After_a_closed_cycle_a_stop_listed_before_a_same_instant_start_closes_the_new_instance()
    {
        var instances = Evaluate(
            Policy([Investigation]),
            [
                E(EventTypes.Acknowledged, "2026-01-05T09:00:00Z"),
                E(EventTypes.ResponseIssued, "2026-01-06T09:00:00Z"),
                E(EventTypes.ResponseIssued, "2026-01-20T09:00:00Z"),
                E(EventTypes.Reopened, "2026-01-20T09:00:00Z"),
            ],
            "2026-02-01T00:00:00Z");

        Assert.Equal(2, instances.Count);
        Assert.Equal(2, instances[1].Cycle);
        Assert.Equal(At("2026-01-20T09:00:00Z"), instances[1].StartedAt);
        Assert.Equal(At("2026-01-20T09:00:00Z"), instances[1].StoppedAt);
    }

    [Fact]
    public void Events_after_as_of_are_ignored()
    {
        var instances = Evaluate(
            Policy([Acknowledgement, Investigation]),
            [
                E(EventTypes.ComplaintReceived, "2026-01-05T09:00:00Z"),
                E(EventTypes.Acknowledged, "2026-01-09T09:00:00.000001Z"),
            ],
            "2026-01-09T09:00:00Z");

        var only = Assert.Single(instances);
        Assert.Equal("acknowledgement", only.Stage);
        Assert.Null(only.StoppedAt);
        Assert.Equal(StageStatus.OpenBreached, only.Status);
    }

    [Fact]
    public void An_event_exactly_at_as_of_is_applied()
    {
        var instance = Single(
            Acknowledgement,
            [E(EventTypes.ComplaintReceived, "2026-01-05T09:00:00Z"), E(EventTypes.Acknowledged, "2026-01-06T09:00:00Z")],
            "2026-01-06T09:00:00Z");

        Assert.Equal(At("2026-01-06T09:00:00Z"), instance.StoppedAt);
    }

    [Fact]
    public void Unsorted_input_gives_the_same_instances_as_sorted_input()
    {
        var policy = Policy(
        [
            Acknowledgement,
            Stage("investigation", "10 business_days", [EventTypes.Acknowledged, EventTypes.Reopened], [EventTypes.ResponseIssued],
                [EventTypes.InfoRequested], [EventTypes.InfoReceived], extendable: true),
        ]);
        CaseEvent[] sorted =
        [
            E(EventTypes.ComplaintReceived, "2026-01-05T09:00:00Z"),
            E(EventTypes.Acknowledged, "2026-01-06T09:00:00Z"),
            E(EventTypes.InfoRequested, "2026-01-07T09:00:00Z"),
            E(EventTypes.InfoReceived, "2026-01-12T09:00:00Z"),
            E(EventTypes.DeadlineExtended, "2026-01-15T09:00:00Z", "2026-01-30T17:00:00Z"),
            E(EventTypes.ResponseIssued, "2026-01-27T09:00:00Z"),
            E(EventTypes.Reopened, "2026-02-02T09:00:00Z"),
        ];
        CaseEvent[] shuffled = [sorted[5], sorted[2], sorted[6], sorted[0], sorted[4], sorted[3], sorted[1]];

        var expected = Evaluate(policy, sorted, "2026-02-10T00:00:00Z");
        var actual = Evaluate(policy, shuffled, "2026-02-10T00:00:00Z");

        Assert.Equal(expected, actual);
        Assert.Equal(3, actual.Count);
        Assert.True(actual[1].Extended);
        Assert.Equal(StageStatus.MetExtended, actual[1].Status);
    }
}
