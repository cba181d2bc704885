using ComplianceAnalytics.Clocks;
using ComplianceAnalytics.Domain;
using ComplianceAnalytics.Policies;
using NodaTime;
using static ComplianceAnalytics.Tests.Clocks.ClockFixtures;

namespace ComplianceAnalytics.Tests.Clocks;

/// <summary>Contract §4 Pauses.</summary>
public class StageClockPauseTests
{
    private const string AsOf = "2026-06-01T00:00:00Z";

    private static StageDefinition Paused(string limit) =>
        Stage("investigation", limit, [EventTypes.Acknowledged], [EventTypes.ResponseIssued],
            [EventTypes.InfoRequested], [EventTypes.InfoReceived]);

    private static CaseEvent Start(string at) => E(EventTypes.Acknowledged, at);

    private static CaseEvent Pause(string at) => E(EventTypes.InfoRequested, at);

    private static CaseEvent Resume(string at) => E(EventTypes.InfoReceived, at);

    private static CaseEvent Stop(string at) => E(EventTypes.ResponseIssued, at);

    [Fact]
    public void An_hour_based_pause_moves_both_due_times_by_the_exact_paused_time_across_DST()
    {
        // 12 elapsed hours paused over the spring-forward night, although the wall clock moved 13.
        var instance = Single(
            Paused("48 hours"),
            [Start("2026-03-27T12:00:00Z"), Pause("2026-03-28T20:00:00Z"), Resume("2026-03-29T09:00:00+01:00")],
            AsOf);

        Assert.Equal(At("2026-03-30T00:00:00Z"), instance.OriginalDueAt);
        Assert.Equal(At("2026-03-30T00:00:00Z"), instance.DueAt);
        Assert.Equal(Duration.FromHours(12), instance.Paused);
    }

    [Theory]
    // Mon 5 Jan + 10 business days = Mon 19 Jan. Wed to Fri: Thu and Fri count, due Wed 21 Jan.
    [InlineData("2026-01-07T10:00:00Z", "2026-01-09T15:00:00Z", "2026-01-21T23:59:59.999999Z")]
    // Same day: k = 0, unchanged.
    [InlineData("2026-01-07T10:00:00Z", "2026-01-07T16:00:00Z", "2026-01-19T23:59:59.999999Z")]
    // Friday to Sunday: no working day in (Fri, Sun], unchanged.
    [InlineData("2026-01-09T17:00:00Z", "2026-01-11T12:00:00Z", "2026-01-19T23:59:59.999999Z")]
    // Friday to Monday: one.
    [InlineData("2026-01-09T17:00:00Z", "2026-01-12T08:00:00Z", "2026-01-20T23:59:59.999999Z")]
    public void A_business_day_pause_moves_the_due_date_by_the_working_days_in_the_pause(
        string pausedAt, string resumedAt, string expectedDue)
    {
        var instance = Single(Paused("10 business_days"), [Start("2026-01-05T09:00:00Z"), Pause(pausedAt), Resume(resumedAt)], AsOf);

        Assert.Equal(At(expectedDue), instance.OriginalDueAt);
        Assert.Equal(At(expectedDue), instance.DueAt);
        Assert.Equal(At(resumedAt) - At(pausedAt), instance.Paused);
    }

    [Fact]
    public void A_calendar_day_pause_moves_the_due_date_by_the_calendar_days_in_the_pause()
    {
        // 28 days from Mon 5 Jan: Mon 2 Feb. Paused Friday to Monday: 3 days.
        var instance = Single(
            Paused("28 days"),
            [Start("2026-01-05T09:00:00Z"), Pause("2026-01-09T17:00:00Z"), Resume("2026-01-12T08:00:00Z")],
            AsOf);

        Assert.Equal(At("2026-02-05T23:59:59.999999Z"), instance.DueAt);
    }

    [Fact]
    public void A_pause_after_the_due_time_is_ignored()
    {
        var instance = Single(
            Paused("2 hours"),
            [Start("2026-01-05T09:00:00Z"), Pause("2026-01-05T11:00:00.000001Z"), Resume("2026-01-05T15:00:00Z"),
                Stop("2026-01-05T12:00:00Z")],
            AsOf);

        Assert.Equal(At("2026-01-05T11:00:00Z"), instance.DueAt);
        Assert.Equal(Duration.Zero, instance.Paused);
        Assert.Equal(StageStatus.Breached, instance.Status);
    }

    [Fact]
    public void A_pause_exactly_at_the_due_time_applies()
    {
        var instance = Single(
            Paused("2 hours"),
            [Start("2026-01-05T09:00:00Z"), Pause("2026-01-05T11:00:00Z"), Resume("2026-01-05T12:00:00Z"), Stop("2026-01-05T11:30:00Z")],
            AsOf);

        Assert.Equal(At("2026-01-05T11:30:00Z"), instance.DueAt);
        Assert.Equal(StageStatus.Met, instance.Status);
    }

    [Fact]
    public void A_day_based_pause_after_the_due_date_is_ignored()
    {
        var instance = Single(
            Paused("10 business_days"),
            [Start("2026-01-05T09:00:00Z"), Pause("2026-01-20T09:00:00Z"), Resume("2026-01-23T09:00:00Z")],
            AsOf);

        Assert.Equal(At("2026-01-19T23:59:59.999999Z"), instance.DueAt);
        Assert.Equal(Duration.Zero, instance.Paused);
    }

    [Fact]
    public void A_pause_is_ended_by_the_stop()
    {
        var instance = Single(
            Paused("10 business_days"),
            [Start("2026-01-05T09:00:00Z"), Pause("2026-01-16T10:00:00Z"), Stop("2026-01-21T10:00:00Z")],
            AsOf);

        // (Fri 16, Wed 21]: Mon, Tue, Wed → due Thu 22 Jan.
        Assert.Equal(At("2026-01-22T23:59:59.999999Z"), instance.DueAt);
        Assert.Equal(Duration.FromDays(5), instance.Paused);
        Assert.Equal(StageStatus.Met, instance.Status);
    }

    [Fact]
    public void A_pause_still_running_at_as_of_ends_at_as_of()
    {
        var instance = Single(Paused("10 business_days"), [Start("2026-01-05T09:00:00Z"), Pause("2026-01-16T10:00:00Z")], "2026-01-21T10:00:00Z");

        Assert.Equal(At("2026-01-22T23:59:59.999999Z"), instance.OriginalDueAt);
        Assert.Equal(At("2026-01-22T23:59:59.999999Z"), instance.DueAt);
        Assert.Equal(Duration.FromDays(5), instance.Paused);
        Assert.Equal(StageStatus.OpenWithin, instance.Status);
    }

    [Fact]
    public void A_resume_when_not_paused_is_ignored()
    {
        var instance = Single(
            Paused("2 hours"),
            [Start("2026-01-05T09:00:00Z"), Resume("2026-01-05T09:30:00Z"), Pause("2026-01-05T10:00:00Z"), Resume("2026-01-05T10:30:00Z")],
            AsOf);

        Assert.Equal(Duration.FromMinutes(30), instance.Paused);
        Assert.Equal(At("2026-01-05T11:30:00Z"), instance.DueAt);
    }

    [Fact]
    public void A_pause_while_paused_is_ignored_and_pauses_accumulate()
    {
        var instance = Single(
            Paused("2 hours"),
            [
                Start("2026-01-05T09:00:00Z"),
                Pause("2026-01-05T09:10:00Z"), Pause("2026-01-05T09:20:00Z"), Resume("2026-01-05T09:30:00Z"),
                Pause("2026-01-05T10:00:00Z"), Resume("2026-01-05T11:00:00Z"),
            ],
            AsOf);

        Assert.Equal(Duration.FromMinutes(80), instance.Paused);
        Assert.Equal(At("2026-01-05T12:20:00Z"), instance.DueAt);
    }

    [Fact]
    public void A_pause_and_a_resume_at_the_same_instant_make_an_empty_pause_whatever_the_input_order()
    {
        var instance = Single(
            Paused("2 hours"),
            [Start("2026-01-05T09:00:00Z"), Resume("2026-01-05T10:00:00Z"), Pause("2026-01-05T10:00:00Z")],
            "2026-01-05T12:00:00Z");

        Assert.Equal(Duration.Zero, instance.Paused);
        Assert.Equal(StageStatus.OpenBreached, instance.Status);
    }

    [Fact]
    public void A_pause_at_the_start_instant_pauses_the_new_instance()
    {
        var instance = Single(
            Paused("2 hours"),
            [Pause("2026-01-05T09:00:00Z"), Start("2026-01-05T09:00:00Z"), Resume("2026-01-05T10:00:00Z")],
            AsOf);

        Assert.Equal(Duration.FromHours(1), instance.Paused);
        Assert.Equal(At("2026-01-05T12:00:00Z"), instance.DueAt);
    }

    [Fact]
    public void A_pause_with_no_open_instance_is_ignored()
    {
        var instance = Single(
            Paused("2 hours"),
            [Pause("2026-01-05T08:00:00Z"), Start("2026-01-05T09:00:00Z"), Stop("2026-01-05T10:00:00Z")],
            AsOf);

        Assert.Equal(Duration.Zero, instance.Paused);
    }

    [Fact]
    public void A_day_based_pause_moves_original_due_and_extended_due_each_from_its_own_date()
    {
        var stage = Stage("investigation", "10 business_days", [EventTypes.Acknowledged], [EventTypes.ResponseIssued],
            [EventTypes.InfoRequested], [EventTypes.InfoReceived], extendable: true);
        var instance = Single(
            stage,
            [
                Start("2026-01-05T09:00:00Z"),
                E(EventTypes.DeadlineExtended, "2026-01-08T09:00:00Z", "2026-01-24T12:00:00Z"), // a Saturday
                Pause("2026-01-09T09:00:00Z"),
                Resume("2026-01-12T09:00:00Z"), // one working day
            ],
            AsOf);

        Assert.Equal(At("2026-01-20T23:59:59.999999Z"), instance.OriginalDueAt);
        Assert.Equal(At("2026-01-26T23:59:59.999999Z"), instance.DueAt);
    }
}
