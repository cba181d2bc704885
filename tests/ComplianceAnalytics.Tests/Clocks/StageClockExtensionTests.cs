using ComplianceAnalytics.Clocks;
using ComplianceAnalytics.Domain;
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
    public void An_extension_while_paused_settles_the_pause_so_far_and_only_the_pause_after_it_moves_the_new_deadline()
    {
        // Due Mon 19 Jan; paused Fri 16 Jan 10:00. At Wed 21 Jan 10:00 the stored due date has passed, but with the
        // pause ended then (Mon 19, Tue 20, Wed 21: three working days) it is Thu 22 Jan: the extension is in time.
        // It settles the pause so far: both dues 19 Jan -> 22 Jan, 5 days paused; a new pause begins at x.
        // X, Fri 30 Jan, is later than 22 Jan: due_at becomes the end of 30 Jan. The resume on Thu 22 Jan 09:00
        // counts one working day (22 Jan): original 22 -> Fri 23 Jan, due 30 Jan -> Mon 2 Feb. The response on
        // Mon 2 Feb 09:00 is met_extended. (v1's reading moved X by the whole pause, four days, to Thu 5 Feb.)
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
        Assert.Equal(At("2026-02-02T23:59:59.999999Z"), instance.DueAt);
        // 16 Jan 10:00 -> 21 Jan 10:00 (5 days) + 21 Jan 10:00 -> 22 Jan 09:00 (23 hours), counted once.
        Assert.Equal(Duration.FromHours((5 * 24) + 23), instance.Paused);
        Assert.Equal(StageStatus.MetExtended, instance.Status);
    }

    [Fact]
    public void An_hour_based_extension_while_paused_settles_the_pause_and_the_pause_after_it_moves_X()
    {
        // 4 hours from 09:00: due 13:00. Paused at 11:00. At 15:00 the pause so far (4 h) is settled: both dues 17:00.
        // X, 09:00 next day, is later: due_at = X. The pause goes on to the as-of, 16:00: one more hour moves both,
        // original to 18:00 and X to 10:00. Still paused at the as-of, the instance is open_within.
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
        Assert.Equal(At("2026-01-06T10:00:00Z"), instance.DueAt);
        Assert.Equal(Duration.FromHours(5), instance.Paused);
        Assert.Equal(StageStatus.OpenWithin, instance.Status);
    }

    [Fact]
    public void An_extension_while_paused_to_a_deadline_before_the_settled_due_time_does_not_extend()
    {
        // At 15:00 the settled due time is 17:00 (13:00 + 4 hours paused); X, 16:00, is earlier, so due_at stays
        // 17:00 and the instance is not extended. The resume at 15:30 adds half an hour to both: 17:30.
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

        Assert.False(instance.Extended);
        Assert.Equal(At("2026-01-05T17:30:00Z"), instance.OriginalDueAt);
        Assert.Equal(At("2026-01-05T17:30:00Z"), instance.DueAt);
        Assert.Equal(Duration.FromMinutes(270), instance.Paused);
        Assert.Equal(StageStatus.OpenWithin, instance.Status);
    }

    [Fact]
    public void A_calendar_day_extension_while_paused_settles_the_days_paused_before_it()
    {
        // 8 weeks from Mon 5 Jan: due Mon 2 Mar. Paused Sun 1 Mar 12:00; extension on Wed 4 Mar 12:00 (the pause
        // so far counts 2, 3, 4 Mar: due 5 Mar, in time) to Fri 20 Mar. Dues settle to 5 Mar, X is later: due
        // 20 Mar. The resume on Tue 10 Mar counts 5..10 Mar, six days: original 11 Mar, due Thu 26 Mar.
        var stage = Stage("review", "8 weeks", [EventTypes.Acknowledged], [EventTypes.ResponseIssued],
            [EventTypes.InfoRequested], [EventTypes.InfoReceived], extendable: true);
        var instance = Single(
            stage,
            [
                E(EventTypes.Acknowledged, "2026-01-05T09:00:00Z"),
                E(EventTypes.InfoRequested, "2026-03-01T12:00:00Z"),
                Extend("2026-03-04T12:00:00Z", "2026-03-20T12:00:00Z"),
                E(EventTypes.InfoReceived, "2026-03-10T12:00:00Z"),
            ],
            "2026-03-25T00:00:00Z");

        Assert.True(instance.Extended);
        Assert.Equal(At("2026-03-11T23:59:59.999999Z"), instance.OriginalDueAt);
        Assert.Equal(At("2026-03-26T23:59:59.999999Z"), instance.DueAt);
        Assert.Equal(Duration.FromDays(9), instance.Paused);
        Assert.Equal(StageStatus.OpenWithin, instance.Status);
    }

    [Fact]
    public void An_extension_while_paused_after_the_would_be_due_time_is_late_and_leaves_the_pause_running()
    {
        // Due Mon 19 Jan, paused that morning. On Sat 24 Jan the pause, had it ended then, would have counted
        // Tue to Fri: due Fri 23 Jan, already passed: a late extension, ignored. The pause runs on to the as-of
        // (Sun 25 Jan: still Tue to Fri), so the instance is open_within there though its due date has passed.
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
        Assert.Equal(StageStatus.OpenWithin, instance.Status);
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
