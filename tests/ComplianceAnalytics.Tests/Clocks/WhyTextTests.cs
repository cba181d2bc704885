using ComplianceAnalytics.Clocks;
using ComplianceAnalytics.Domain;
using ComplianceAnalytics.Policies;
using NodaTime;
using static ComplianceAnalytics.Tests.Clocks.ClockFixtures;

namespace ComplianceAnalytics.Tests.Clocks;

/// <summary>
/// <see cref="WhyText"/> with worked cases, one per rule of contract §4, on England's 2026 calendar
/// with its holidays named. Every sentence comes from the steps the clock recorded while evaluating.
/// </summary>
public class WhyTextTests
{
    private const string AsOf = "2026-05-31T23:00:00Z";

    private static readonly BusinessCalendar Named = BusinessCalendar.Named(
        MondayToFriday,
        [new Holiday(new LocalDate(2026, 4, 3), "Good Friday"), new Holiday(new LocalDate(2026, 4, 6), "Easter Monday")]);

    private static readonly StageDefinition Investigation =
        Stage("investigation", "10 business_days", [EventTypes.Acknowledged, EventTypes.Reopened], [EventTypes.ResponseIssued],
            [EventTypes.InfoRequested], [EventTypes.InfoReceived], extendable: true);

    private static (StageInstance Instance, string Why) Why(StageDefinition stage, CaseEvent[] events, string asOf = AsOf, int index = 0)
    {
        var policy = new Policy("jpdit", "JPDIT Services", London, MondayToFriday, "england-and-wales", Named, [stage], null, [], "jpdit.yaml");
        var trace = new ClockTrace();
        var instance = StageClock.Evaluate("jpdit", "C-1", policy, events, At(asOf), null, trace)[index];
        return (instance, WhyText.Sentence(instance, trace.For(instance.Stage, instance.Cycle), policy, At(asOf)));
    }

    [Fact]
    public void A_breach_with_a_pause_and_a_late_extension_says_each_step_with_its_working_days()
    {
        var (instance, why) = Why(Investigation, [
            E(EventTypes.Acknowledged, "2026-02-26T09:00:00Z"),
            E(EventTypes.InfoRequested, "2026-03-02T10:00:00Z"),
            E(EventTypes.InfoReceived, "2026-03-04T10:00:00Z"),
            E(EventTypes.DeadlineExtended, "2026-03-17T09:00:00Z", "2026-03-20T17:00:00Z"),
            E(EventTypes.ResponseIssued, "2026-03-18T09:00:00Z"),
        ]);

        Assert.Equal(StageStatus.Breached, instance.Status);
        Assert.Equal(
            "Breached: response issued on Wed 18 Mar 2026, 2 working days after the deadline of Mon 16 Mar 2026; "
            + "started by acknowledged on Thu 26 Feb 2026 with 10 working days (the only version of the limit), first due Thu 12 Mar 2026, "
            + "skipping no holidays and 4 weekend days; "
            + "paused 2 working days from Mon 2 Mar 2026 (info requested) to Wed 4 Mar 2026 (info received), deadline then Mon 16 Mar 2026; "
            + "an extension to Fri 20 Mar 2026 notified on Tue 17 Mar 2026 came after the deadline of Mon 16 Mar 2026 and was ignored.",
            why);
    }

    [Fact]
    public void Holidays_skipped_are_named()
    {
        var (instance, why) = Why(Investigation, [
            E(EventTypes.Acknowledged, "2026-04-01T09:00:00Z"),
            E(EventTypes.ResponseIssued, "2026-04-16T09:00:00Z"),
        ]);

        Assert.Equal(StageStatus.Met, instance.Status);
        Assert.StartsWith("Met: response issued on Thu 16 Apr 2026, by the deadline of Fri 17 Apr 2026;", why, StringComparison.Ordinal);
        Assert.Contains("skipping Good Friday (Fri 3 Apr 2026), Easter Monday (Mon 6 Apr 2026) and 4 weekend days", why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deadline_within_the_working_week_skips_nothing()
    {
        var (_, why) = Why(Investigation, [
            E(EventTypes.Acknowledged, "2026-03-02T09:00:00Z"),
            E(EventTypes.ResponseIssued, "2026-03-03T09:00:00Z"),
        ]);

        Assert.Contains("first due Mon 16 Mar 2026, skipping no holidays and 4 weekend days", why, StringComparison.Ordinal);
        var (_, short1) = Why(Stage("ack", "2 business_days", [EventTypes.ComplaintReceived], [EventTypes.Acknowledged]), [
            E(EventTypes.ComplaintReceived, "2026-03-02T09:00:00Z"),
        ]);
        Assert.Contains("first due Wed 4 Mar 2026, with no holiday or weekend day in between", short1, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pause_after_the_breach_rescues_nothing()
    {
        var (instance, why) = Why(Investigation, [
            E(EventTypes.Acknowledged, "2026-01-05T09:00:00Z"),
            E(EventTypes.InfoRequested, "2026-01-21T09:00:00Z"),
            E(EventTypes.ResponseIssued, "2026-01-23T09:00:00Z"),
        ]);

        Assert.Equal(StageStatus.Breached, instance.Status);
        Assert.StartsWith("Breached: response issued on Fri 23 Jan 2026, 4 working days after the deadline of Mon 19 Jan 2026;", why, StringComparison.Ordinal);
        Assert.Contains(
            "info requested on Wed 21 Jan 2026 came after the deadline of Mon 19 Jan 2026 and paused nothing (a pause after the breach rescues nothing)",
            why,
            StringComparison.Ordinal);
    }

    [Fact]
    public void An_extension_in_time_is_applied_and_the_stop_is_met_after_it()
    {
        var (instance, why) = Why(Investigation, [
            E(EventTypes.Acknowledged, "2026-01-05T09:00:00Z"),
            E(EventTypes.DeadlineExtended, "2026-01-15T09:00:00Z", "2026-01-30T17:00:00Z"),
            E(EventTypes.ResponseIssued, "2026-01-27T09:00:00Z"),
        ]);

        Assert.Equal(StageStatus.MetExtended, instance.Status);
        Assert.StartsWith(
            "Met after an extension: response issued on Tue 27 Jan 2026, after the deadline of Mon 19 Jan 2026 but by the extended one of Fri 30 Jan 2026;",
            why,
            StringComparison.Ordinal);
        Assert.EndsWith("an extension to Fri 30 Jan 2026 notified on Thu 15 Jan 2026 was in time and applied.", why, StringComparison.Ordinal);
    }

    [Fact]
    public void An_extension_not_later_than_the_deadline_changes_nothing()
    {
        var (instance, why) = Why(Investigation, [
            E(EventTypes.Acknowledged, "2026-01-05T09:00:00Z"),
            E(EventTypes.DeadlineExtended, "2026-01-08T09:00:00Z", "2026-01-16T17:00:00Z"),
            E(EventTypes.ResponseIssued, "2026-01-14T09:00:00Z"),
        ]);

        Assert.Equal(StageStatus.Met, instance.Status);
        Assert.EndsWith(
            "an extension to Fri 16 Jan 2026 notified on Thu 8 Jan 2026 was not later than the deadline of Mon 19 Jan 2026 and changed nothing.",
            why,
            StringComparison.Ordinal);
    }

    [Fact]
    public void An_extension_while_paused_settles_the_pause_first()
    {
        // Paused Wed 14 Jan; the extension on Fri 16 Jan settles 2 working days (15, 16), due Wed 21 Jan, then
        // extends to Fri 30 Jan; the pause going on ends Tue 20 Jan, 2 more working days: due Tue 3 Feb.
        var (instance, why) = Why(Investigation, [
            E(EventTypes.Acknowledged, "2026-01-05T09:00:00Z"),
            E(EventTypes.InfoRequested, "2026-01-14T09:00:00Z"),
            E(EventTypes.DeadlineExtended, "2026-01-16T09:00:00Z", "2026-01-30T17:00:00Z"),
            E(EventTypes.InfoReceived, "2026-01-20T09:00:00Z"),
            E(EventTypes.ResponseIssued, "2026-02-02T09:00:00Z"),
        ]);

        Assert.Equal(StageStatus.MetExtended, instance.Status);
        Assert.Equal(At("2026-02-03T23:59:59.999999Z"), instance.DueAt);
        Assert.Contains(
            "paused 2 working days from Wed 14 Jan 2026 (info requested) until the extension settled it on Fri 16 Jan 2026 (the pause after it goes on); "
            + "an extension to Fri 30 Jan 2026 notified on Fri 16 Jan 2026 was in time and applied; "
            + "paused 2 working days from Fri 16 Jan 2026 (the pause going on after the extension) to Tue 20 Jan 2026 (info received), deadline then Tue 3 Feb 2026.",
            why,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_cycle_says_it_started_again()
    {
        var (instance, why) = Why(
            Investigation,
            [
                E(EventTypes.Acknowledged, "2026-01-05T09:00:00Z"),
                E(EventTypes.ResponseIssued, "2026-01-09T09:00:00Z"),
                E(EventTypes.Reopened, "2026-02-02T09:00:00Z"),
                E(EventTypes.ResponseIssued, "2026-02-04T09:00:00Z"),
            ],
            index: 1);

        Assert.Equal(2, instance.Cycle);
        Assert.Contains("; cycle 2, started again by reopened on Mon 2 Feb 2026 with 10 working days", why, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_instances_at_the_as_of_say_within_paused_or_past_the_deadline()
    {
        var within = Why(Investigation, [E(EventTypes.Acknowledged, "2026-05-26T09:00:00Z")]).Why;
        var paused = Why(Investigation, [E(EventTypes.Acknowledged, "2026-05-05T09:00:00Z"), E(EventTypes.InfoRequested, "2026-05-07T09:00:00Z")]).Why;
        var (late, lateWhy) = Why(Investigation, [E(EventTypes.Acknowledged, "2026-05-05T09:00:00Z")]);

        Assert.StartsWith("Open within its limit at Sun 31 May 2026: due by Tue 9 Jun 2026;", within, StringComparison.Ordinal);
        Assert.StartsWith("Open and paused at Sun 31 May 2026, so within its limit", paused, StringComparison.Ordinal);
        Assert.Contains("paused since Thu 7 May 2026 (info requested) and still paused", paused, StringComparison.Ordinal);
        Assert.Equal(StageStatus.OpenBreached, late.Status);
        // Due Tue 19 May (Mon 25 May is a bank holiday, not named in this calendar: it still counts as
        // a weekday here); late in (19 May, 31 May]: 20, 21, 22, 25, 26, 27, 28, 29.
        Assert.StartsWith("Open past its deadline at Sun 31 May 2026: 8 working days after the deadline of Tue 19 May 2026;", lateWhy, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dated_limit_names_the_version_that_applied()
    {
        var dated = new StageDefinition(
            "adr", [EventTypes.ComplaintReceived], [EventTypes.AdrReferred],
            LimitSchedule.Create([new DatedLimit(null, TimeLimit.Parse("8 weeks")), new DatedLimit(new LocalDate(2026, 4, 8), TimeLimit.Parse("6 weeks"))]),
            [], [], false);

        var before = Why(dated, [E(EventTypes.ComplaintReceived, "2026-04-07T09:00:00Z")]).Why;
        var after = Why(dated, [E(EventTypes.ComplaintReceived, "2026-04-08T09:00:00Z")]).Why;

        Assert.Contains("with 8 weeks (the version before 2026-04-08), first due Tue 2 Jun 2026", before, StringComparison.Ordinal);
        Assert.Contains("with 6 weeks (the version in force from 2026-04-08), first due Wed 20 May 2026", after, StringComparison.Ordinal);
        Assert.DoesNotContain("skipping", after, StringComparison.Ordinal);
    }

    [Fact]
    public void An_hour_limit_is_told_in_local_minutes_and_hours_late()
    {
        var callback = Stage("callback", "4 hours", [EventTypes.ComplaintReceived], [EventTypes.Acknowledged]);
        var (instance, why) = Why(callback, [
            E(EventTypes.ComplaintReceived, "2026-05-11T09:00:00Z"),
            E(EventTypes.Acknowledged, "2026-05-11T14:30:00Z"),
        ]);

        Assert.Equal(StageStatus.Breached, instance.Status);
        // British Summer Time: 09:00Z is 10:00 local.
        Assert.StartsWith("Breached: acknowledged on Mon 11 May 2026 15:30, 1.5 hours after the deadline of Mon 11 May 2026 14:00;", why, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluating_with_a_trace_gives_the_same_instances_as_without()
    {
        CaseEvent[] events = [
            E(EventTypes.Acknowledged, "2026-01-05T09:00:00Z"),
            E(EventTypes.InfoRequested, "2026-01-14T09:00:00Z"),
            E(EventTypes.DeadlineExtended, "2026-01-16T09:00:00Z", "2026-01-30T17:00:00Z"),
            E(EventTypes.InfoReceived, "2026-01-20T09:00:00Z"),
            E(EventTypes.ResponseIssued, "2026-02-02T09:00:00Z"),
        ];
        var policy = Policy([Investigation]);

        var plain = StageClock.Evaluate("jpdit", "C-1", policy, events, At(AsOf));
        var traced = StageClock.Evaluate("jpdit", "C-1", policy, events, At(AsOf), null, new ClockTrace());

        Assert.Equal(plain, traced);
    }
}
