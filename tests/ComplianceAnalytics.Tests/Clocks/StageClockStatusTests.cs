using ComplianceAnalytics.Clocks;
using ComplianceAnalytics.Domain;
using ComplianceAnalytics.Policies;
using static ComplianceAnalytics.Tests.Clocks.ClockFixtures;

namespace ComplianceAnalytics.Tests.Clocks;

/// <summary>Contract §4 Status at as-of, with its boundaries.</summary>
public class StageClockStatusTests
{
    // Starts 09:00, original due 13:00; extended in time to 15:00.
    private static readonly StageDefinition Callback =
        Stage("callback", "4 hours", [EventTypes.ComplaintReceived], [EventTypes.Acknowledged], extendable: true);

    [Theory]
    [InlineData("2026-01-05T13:00:00Z", StageStatus.Met)]
    [InlineData("2026-01-05T13:00:00.000001Z", StageStatus.MetExtended)]
    [InlineData("2026-01-05T15:00:00Z", StageStatus.MetExtended)]
    [InlineData("2026-01-05T15:00:00.000001Z", StageStatus.Breached)]
    public void A_closed_instance_is_met_met_extended_or_breached_by_its_stop(string stoppedAt, StageStatus expected)
    {
        var instance = Single(
            Callback,
            [
                E(EventTypes.ComplaintReceived, "2026-01-05T09:00:00Z"),
                E(EventTypes.DeadlineExtended, "2026-01-05T10:00:00Z", "2026-01-05T15:00:00Z"),
                E(EventTypes.Acknowledged, stoppedAt),
            ],
            "2026-01-06T00:00:00Z");

        Assert.Equal(expected, instance.Status);
    }

    [Fact]
    public void A_stop_after_the_original_due_time_without_an_extension_is_breached()
    {
        var instance = Single(
            Callback,
            [E(EventTypes.ComplaintReceived, "2026-01-05T09:00:00Z"), E(EventTypes.Acknowledged, "2026-01-05T13:00:00.000001Z")],
            "2026-01-06T00:00:00Z");

        Assert.Equal(StageStatus.Breached, instance.Status);
    }

    [Theory]
    [InlineData("2026-01-05T13:00:00Z", StageStatus.OpenWithin)]
    [InlineData("2026-01-05T13:00:00.000001Z", StageStatus.OpenBreached)]
    public void An_open_instance_is_open_within_until_as_of_passes_its_due_time(string asOf, StageStatus expected)
    {
        var instance = Single(Callback, [E(EventTypes.ComplaintReceived, "2026-01-05T09:00:00Z")], asOf);

        Assert.Null(instance.StoppedAt);
        Assert.Equal(expected, instance.Status);
    }

    [Fact]
    public void A_day_based_instance_is_within_until_the_last_microsecond_of_its_local_due_date_in_BST()
    {
        var stage = Stage("ack", "2 business_days", [EventTypes.ComplaintReceived], [EventTypes.Acknowledged]);
        CaseEvent[] events = [E(EventTypes.ComplaintReceived, "2026-06-01T09:00:00+01:00")];

        Assert.Equal(StageStatus.OpenWithin, Single(stage, events, "2026-06-03T22:59:59.999999Z").Status);
        Assert.Equal(StageStatus.OpenBreached, Single(stage, events, "2026-06-03T23:00:00Z").Status);
    }

    [Fact]
    public void A_business_day_instance_paused_over_a_weekend_is_open_within_at_an_as_of_past_its_due_date()
    {
        // 2 business days from Wed 14 Jan: due Fri 16 Jan. Paused on Fri 16 Jan at 18:00; on Sat 17 Jan the pause
        // has counted no working day, so due_at is still the end of Fri 16 Jan, yet a paused clock does not run out.
        var stage = Stage("ack", "2 business_days", [EventTypes.ComplaintReceived], [EventTypes.Acknowledged],
            [EventTypes.InfoRequested], [EventTypes.InfoReceived]);
        CaseEvent[] events = [E(EventTypes.ComplaintReceived, "2026-01-14T09:00:00Z"), E(EventTypes.InfoRequested, "2026-01-16T18:00:00Z")];

        var instance = Single(stage, events, "2026-01-17T12:00:00Z");

        Assert.Equal(At("2026-01-16T23:59:59.999999Z"), instance.DueAt);
        Assert.Equal(StageStatus.OpenWithin, instance.Status);
        Assert.Equal(NodaTime.Duration.FromHours(18), instance.Paused);
    }
}
