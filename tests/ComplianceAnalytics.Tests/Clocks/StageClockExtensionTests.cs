using ComplianceAnalytics.Clocks;
using ComplianceAnalytics.Exports;
using ComplianceAnalytics.Policies;
using NodaTime;
using static ComplianceAnalytics.Tests.Clocks.ClockFixtures;

namespace ComplianceAnalytics.Tests.Clocks;

/// <summary>Contract §4 Extensions.</summary>
public class StageClockExtensionTests
{
    private const string AsOf = "2026-03-01T00:00:00Z";

    // Mon 5 Jan + 10 business days: due Mon 19 Jan, 23:59:59.999999Z.
    private static readonly StageDefinition Investigation =
        Stage("investigation", "10 business_days", [EventTypes.Acknowledged], [EventTypes.ResponseIssued],
            [EventTypes.InfoRequested], [EventTypes.InfoReceived], extendable: true);

    private static readonly StageDefinition HourStage =
        Stage("callback", "4 hours", [EventTypes.ComplaintReceived], [EventTypes.Acknowledged], extendable: true);

    private static CaseEvent Extend(string at, string dueAt) => E(EventTypes.DeadlineExtended, at, dueAt);

    [Fact]
    public void An_extension_in_time_to_a_later_deadline_extends_to_the_end_of_its_day_and_the_stop_is_met_extended()
    {
        var diagnostics = new StageEvaluationDiagnostics();
        var instance = Single(
            Investigation,
            [
                E(EventTypes.Acknowledged, "2026-01-05T09:00:00Z"),
                Extend("2026-01-15T09:00:00Z", "2026-01-30T17:00:00Z"),
                E(EventTypes.ResponseIssued, "2026-01-27T09:00:00Z"),
            ],
            AsOf,
            diagnostics);

        Assert.Equal(At("2026-01-19T23:59:59.999999Z"), instance.OriginalDueAt);
        Assert.Equal(At("2026-01-30T23:59:59.999999Z"), instance.DueAt);
        Assert.True(instance.Extended);
        Assert.Equal(StageStatus.MetExtended, instance.Status);
        Assert.Empty(diagnostics.LateExtensions);
    }

    [Fact]
    public void An_hour_based_extension_sets_the_exact_deadline()
    {
        var instance = Single(
            HourStage,
            [E(EventTypes.ComplaintReceived, "2026-01-05T09:00:00Z"), Extend("2026-01-05T13:00:00Z", "2026-01-05T15:30:00Z")],
            AsOf);

        Assert.Equal(At("2026-01-05T13:00:00Z"), instance.OriginalDueAt);
        Assert.Equal(At("2026-01-05T15:30:00Z"), instance.DueAt);
        Assert.True(instance.Extended);
        Assert.Equal(StageStatus.OpenBreached, instance.Status);
    }

    [Fact]
    public void An_extension_to_an_earlier_deadline_changes_nothing()
    {
        var instance = Single(
            Investigation,
            [E(EventTypes.Acknowledged, "2026-01-05T09:00:00Z"), Extend("2026-01-06T09:00:00Z", "2026-01-19T17:00:00Z")],
            AsOf);

        Assert.Equal(At("2026-01-19T23:59:59.999999Z"), instance.DueAt);
        Assert.False(instance.Extended);
    }

    [Fact]
    public void A_late_extension_is_ignored_and_counted()
    {
        var diagnostics = new StageEvaluationDiagnostics();
        var instance = Single(
            HourStage,
            [
                E(EventTypes.ComplaintReceived, "2026-01-05T09:00:00Z"),
                Extend("2026-01-05T13:00:00.000001Z", "2026-01-06T09:00:00Z"),
                E(EventTypes.Acknowledged, "2026-01-05T14:00:00Z"),
            ],
            AsOf,
            diagnostics);

        Assert.Equal(At("2026-01-05T13:00:00Z"), instance.DueAt);
        Assert.False(instance.Extended);
        Assert.Equal(StageStatus.Breached, instance.Status);
        Assert.Equal(1, diagnostics.LateExtensions[("jpdit", "callback")]);
    }

    [Fact]
    public void An_extension_exactly_at_the_due_time_is_in_time()
    {
        var instance = Single(
            HourStage,
            [E(EventTypes.ComplaintReceived, "2026-01-05T09:00:00Z"), Extend("2026-01-05T13:00:00Z", "2026-01-06T09:00:00Z")],
            AsOf);

        Assert.True(instance.Extended);
    }

    [Fact]
    public void An_extension_applies_only_to_extendable_stages()
    {
        var stage = HourStage with { Extendable = false };
        var instance = Single(
            stage,
            [E(EventTypes.ComplaintReceived, "2026-01-05T09:00:00Z"), Extend("2026-01-05T10:00:00Z", "2026-01-06T09:00:00Z")],
            AsOf);

        Assert.Equal(At("2026-01-05T13:00:00Z"), instance.DueAt);
        Assert.False(instance.Extended);
    }

    [Fact]
    public void An_extension_applies_to_each_open_instance_of_each_extendable_stage()
    {
        var instances = Evaluate(
            Policy([HourStage, Investigation]),
            [
                E(EventTypes.ComplaintReceived, "2026-01-05T09:00:00Z"),
                E(EventTypes.Acknowledged, "2026-01-05T10:00:00Z"),
                Extend("2026-01-05T11:00:00Z", "2026-01-30T09:00:00Z"),
            ],
            AsOf);

        // The callback closed before the extension; the investigation was open.
        Assert.False(instances[0].Extended);
        Assert.True(instances[1].Extended);
        Assert.Equal(At("2026-01-30T23:59:59.999999Z"), instances[1].DueAt);
    }

    [Fact]
    public void An_extension_at_the_start_instant_applies_to_the_new_instance()
    {
        var instance = Single(
            HourStage,
            [Extend("2026-01-05T09:00:00Z", "2026-01-06T09:00:00Z"), E(EventTypes.ComplaintReceived, "2026-01-05T09:00:00Z")],
            AsOf);

        Assert.True(instance.Extended);
    }

    [Fact]
    public void An_extension_at_the_stop_instant_applies_before_the_stop()
    {
        var instance = Single(
            HourStage,
            [
                E(EventTypes.ComplaintReceived, "2026-01-05T09:00:00Z"),
                E(EventTypes.Acknowledged, "2026-01-05T12:00:00Z"),
                Extend("2026-01-05T12:00:00Z", "2026-01-06T09:00:00Z"),
            ],
            AsOf);

        Assert.True(instance.Extended);
        Assert.Equal(StageStatus.Met, instance.Status);
    }

    [Fact]
    public void An_extension_while_paused_is_judged_against_the_due_time_as_if_the_pause_ended_then()
    {
        // Paused Fri 16 Jan; at Wed 21 Jan the stored due date (Mon 19) has passed, but had the pause ended then
        // (Mon, Tue, Wed counted) it would be Thu 22 Jan: in time. X, 30 Jan, beats the stored due date; at the
        // resume on Thu 22 Jan (four working days) both due dates move: 19 Jan → 23 Jan, 30 Jan → Thu 5 Feb.
        var diagnostics = new StageEvaluationDiagnostics();
        var instance = Single(
            Investigation,
            [
                E(EventTypes.Acknowledged, "2026-01-05T09:00:00Z"),
                E(EventTypes.InfoRequested, "2026-01-16T10:00:00Z"),
                Extend("2026-01-21T10:00:00Z", "2026-01-30T12:00:00Z"),
                E(EventTypes.InfoReceived, "2026-01-22T09:00:00Z"),
                E(EventTypes.ResponseIssued, "2026-02-02T09:00:00Z"),
            ],
            AsOf,
            diagnostics);

        Assert.Empty(diagnostics.LateExtensions);
        Assert.True(instance.Extended);
        Assert.Equal(At("2026-01-23T23:59:59.999999Z"), instance.OriginalDueAt);
        Assert.Equal(At("2026-02-05T23:59:59.999999Z"), instance.DueAt);
        Assert.Equal(StageStatus.MetExtended, instance.Status);
    }

    [Fact]
    public void An_hour_based_extension_while_paused_replaces_the_stored_due_time_and_the_pause_still_moves_it()
    {
        // Paused 2 hours into a 4-hour limit: at 15:00 the would-be due time is 17:00, so the extension is in
        // time. X replaces the stored 13:00; the pause, ended at as-of after 5 hours, then moves X by 5 hours.
        var stage = HourStage with { PauseOn = [EventTypes.InfoRequested], ResumeOn = [EventTypes.InfoReceived] };
        var instance = Single(
            stage,
            [
                E(EventTypes.ComplaintReceived, "2026-01-05T09:00:00Z"),
                E(EventTypes.InfoRequested, "2026-01-05T11:00:00Z"),
                Extend("2026-01-05T15:00:00Z", "2026-01-06T09:00:00Z"),
            ],
            "2026-01-05T16:00:00Z");

        Assert.True(instance.Extended);
        Assert.Equal(At("2026-01-05T18:00:00Z"), instance.OriginalDueAt);
        Assert.Equal(At("2026-01-06T14:00:00Z"), instance.DueAt);
        Assert.Equal(Duration.FromHours(5), instance.Paused);
    }

    [Fact]
    public void An_extension_while_paused_is_compared_with_the_stored_due_time()
    {
        // X (16:00) is later than the stored 13:00 though earlier than the would-be 17:00: it extends, and the
        // 4.5 hours paused then move it to 20:30.
        var stage = HourStage with { PauseOn = [EventTypes.InfoRequested], ResumeOn = [EventTypes.InfoReceived] };
        var instance = Single(
            stage,
            [
                E(EventTypes.ComplaintReceived, "2026-01-05T09:00:00Z"),
                E(EventTypes.InfoRequested, "2026-01-05T11:00:00Z"),
                Extend("2026-01-05T15:00:00Z", "2026-01-05T16:00:00Z"),
                E(EventTypes.InfoReceived, "2026-01-05T15:30:00Z"),
            ],
            "2026-01-05T16:00:00Z");

        Assert.True(instance.Extended);
        Assert.Equal(At("2026-01-05T17:30:00Z"), instance.OriginalDueAt);
        Assert.Equal(At("2026-01-05T20:30:00Z"), instance.DueAt);
    }

    [Fact]
    public void An_extension_while_paused_after_the_would_be_due_time_is_late()
    {
        // Due Mon 19 Jan, paused that morning. On Sat 24 Jan the pause, had it ended then, would have counted
        // Tue to Fri: due Fri 23 Jan, already passed.
        var diagnostics = new StageEvaluationDiagnostics();
        var instance = Single(
            Investigation,
            [
                E(EventTypes.Acknowledged, "2026-01-05T09:00:00Z"),
                E(EventTypes.InfoRequested, "2026-01-19T10:00:00Z"),
                Extend("2026-01-24T10:00:00Z", "2026-02-06T12:00:00Z"),
            ],
            "2026-01-25T00:00:00Z",
            diagnostics);

        Assert.False(instance.Extended);
        Assert.Equal(At("2026-01-23T23:59:59.999999Z"), instance.DueAt);
        Assert.Equal(StageStatus.OpenBreached, instance.Status);
        Assert.Equal(1, diagnostics.LateExtensions[("jpdit", "investigation")]);
    }

    [Fact]
    public void An_extension_without_a_new_deadline_is_ignored()
    {
        var instance = Single(
            HourStage,
            [E(EventTypes.ComplaintReceived, "2026-01-05T09:00:00Z"), new CaseEvent(EventTypes.DeadlineExtended, At("2026-01-05T10:00:00Z"))],
            AsOf);

        Assert.False(instance.Extended);
        Assert.Equal(At("2026-01-05T13:00:00Z"), instance.DueAt);
    }
}
