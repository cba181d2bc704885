using ComplianceAnalytics.Clocks;
using ComplianceAnalytics.Domain;
using ComplianceAnalytics.Policies;
using static ComplianceAnalytics.Tests.Clocks.ClockFixtures;

namespace ComplianceAnalytics.Tests.Clocks;

/// <summary>
/// Contract §3 "Rules that change": the version of a limit that applies is the last one whose <c>from</c> is on
/// or before the local date (Europe/London) of the clock's start, fixed for that clock; before the first version
/// there is no rule.
/// </summary>
public class DatedLimitTests
{
    private static readonly TimeLimit EightWeeks = TimeLimit.Parse("8 weeks");
    private static readonly TimeLimit SixWeeks = TimeLimit.Parse("6 weeks");

    /// <summary>Ofcom's change: 8 weeks, then 6 weeks for complaints received from 8 April 2026.</summary>
    private static readonly LimitSchedule Ofcom = LimitSchedule.Create(
        [new DatedLimit(null, EightWeeks), new DatedLimit(Date("2026-04-08"), SixWeeks)]);

    private static StageDefinition Response(LimitSchedule limit) =>
        Stage("response", "1 days", [EventTypes.ComplaintReceived], [EventTypes.ResponseIssued]) with { Limit = limit };

    [Theory]
    [InlineData("2026-04-07", "8 weeks")]
    [InlineData("2026-04-08", "6 weeks")]
    [InlineData("2026-04-09", "6 weeks")]
    [InlineData("2015-01-01", "8 weeks")]
    public void The_last_version_from_on_or_before_the_date_applies(string date, string expected)
    {
        Assert.Equal(TimeLimit.Parse(expected), Ofcom.For(Date(date)));
    }

    [Fact]
    public void A_schedule_refuses_versions_out_of_order_repeated_or_without_a_date_after_the_first()
    {
        Assert.Throws<ArgumentException>(() => LimitSchedule.Create([new DatedLimit(Date("2026-04-08"), SixWeeks), new DatedLimit(Date("2026-01-01"), EightWeeks)]));
        Assert.Throws<ArgumentException>(() => LimitSchedule.Create([new DatedLimit(Date("2026-04-08"), SixWeeks), new DatedLimit(Date("2026-04-08"), EightWeeks)]));
        Assert.Throws<ArgumentException>(() => LimitSchedule.Create([new DatedLimit(null, SixWeeks), new DatedLimit(null, EightWeeks)]));
        Assert.Throws<ArgumentException>(() => LimitSchedule.Create([]));
        Assert.Equal("8 weeks; 6 weeks from 2026-04-08", Ofcom.ToString());
        Assert.True(Ofcom.IsDated);
        Assert.False(((LimitSchedule)EightWeeks).IsDated);
    }

    [Fact]
    public void Before_the_first_dated_version_there_is_no_rule()
    {
        var fromApril = LimitSchedule.Create([new DatedLimit(Date("2026-04-08"), SixWeeks)]);

        Assert.Null(fromApril.For(Date("2026-04-07")));
        Assert.Equal(SixWeeks, fromApril.For(Date("2026-04-08")));
    }

    [Theory]
    // 00:30 BST on 8 April is 23:30Z on 7 April: the local date chooses, so the new version applies.
    [InlineData("2026-04-07T23:30:00Z", "6 weeks", "2026-05-20T22:59:59.999999Z")]
    // The last second of 7 April, local time: the old version, 8 weeks to 2 June.
    [InlineData("2026-04-07T22:59:59Z", "8 weeks", "2026-06-02T22:59:59.999999Z")]
    public void A_stage_instance_takes_the_version_of_its_start_local_date(string start, string limit, string due)
    {
        var instance = Single(Response(Ofcom), [E(EventTypes.ComplaintReceived, start)], "2026-04-20T00:00:00Z");

        Assert.Equal(TimeLimit.Parse(limit), instance.Limit);
        Assert.Equal(At(due), instance.OriginalDueAt);
    }

    [Theory]
    // Sun 29 March 2026, London goes from GMT to BST at 01:00Z. 00:30Z is 00:30 GMT on the 29th: new version.
    [InlineData("2026-03-29T00:30:00Z", "3 business_days")]
    [InlineData("2026-03-29T01:30:00Z", "3 business_days")]
    // 23:59:59 GMT on Sat 28 March: the old version.
    [InlineData("2026-03-28T23:59:59Z", "5 business_days")]
    public void A_version_from_the_day_of_a_DST_change_applies_from_that_local_midnight(string start, string expected)
    {
        var schedule = LimitSchedule.Create(
            [new DatedLimit(null, TimeLimit.Parse("5 business_days")), new DatedLimit(Date("2026-03-29"), TimeLimit.Parse("3 business_days"))]);

        var instance = Single(Response(schedule), [E(EventTypes.ComplaintReceived, start)], "2026-04-20T00:00:00Z");

        Assert.Equal(TimeLimit.Parse(expected), instance.Limit);
    }

    [Fact]
    public void A_version_from_a_bank_holiday_applies_to_a_clock_started_on_that_holiday()
    {
        // Easter Monday, 6 April 2026, is a holiday: the version is chosen by calendar date, and its business days
        // are then counted as always (the start date never counts): Tue 7, Wed 8 April.
        var schedule = LimitSchedule.Create(
            [new DatedLimit(null, TimeLimit.Parse("5 business_days")), new DatedLimit(Date("2026-04-06"), TimeLimit.Parse("2 business_days"))]);

        var onHoliday = Single(Response(schedule), [E(EventTypes.ComplaintReceived, "2026-04-06T10:00:00+01:00")], "2026-04-20T00:00:00Z");
        // Good Friday, 3 April: the old version, 5 working days after it skipping Easter Monday: 7, 8, 9, 10, 13 April.
        var dayBefore = Single(Response(schedule), [E(EventTypes.ComplaintReceived, "2026-04-03T10:00:00+01:00")], "2026-04-20T00:00:00Z");

        Assert.Equal(TimeLimit.Parse("2 business_days"), onHoliday.Limit);
        Assert.Equal(At("2026-04-08T22:59:59.999999Z"), onHoliday.DueAt);
        Assert.Equal(TimeLimit.Parse("5 business_days"), dayBefore.Limit);
        Assert.Equal(At("2026-04-13T22:59:59.999999Z"), dayBefore.DueAt);
    }

    [Fact]
    public void A_start_before_the_first_version_opens_no_instance_and_its_stop_is_an_orphan()
    {
        var fromApril = LimitSchedule.Create([new DatedLimit(Date("2026-04-08"), TimeLimit.Parse("2 business_days"))]);
        var stage = Stage("ack", "1 days", [EventTypes.ComplaintReceived, EventTypes.Reopened], [EventTypes.Acknowledged]) with { Limit = fromApril };
        var diagnostics = new StageEvaluationDiagnostics();

        var instances = Evaluate(
            Policy([stage]),
            [
                E(EventTypes.ComplaintReceived, "2026-04-07T10:00:00+01:00"),
                E(EventTypes.Acknowledged, "2026-04-08T10:00:00+01:00"),
                E(EventTypes.Reopened, "2026-04-09T10:00:00+01:00"),
                E(EventTypes.Acknowledged, "2026-04-10T10:00:00+01:00"),
            ],
            "2026-04-20T00:00:00Z",
            diagnostics);

        // The first start had no rule; the reopening after 8 April opens cycle 1.
        var instance = Assert.Single(instances);
        Assert.Equal(1, instance.Cycle);
        Assert.Equal(At("2026-04-09T09:00:00Z"), instance.StartedAt);
        Assert.Equal(StageStatus.Met, instance.Status);
        Assert.Equal(1, diagnostics.OrphanStops[("jpdit", "ack")]);
    }

    [Fact]
    public void A_running_clock_keeps_its_version_when_a_later_one_comes_into_force()
    {
        // Started 1 April under 8 weeks: due 27 May, though from 8 April new clocks get 6 weeks. A pause across
        // the change moves it by its own days, never to the new version.
        var stage = Stage("response", "1 days", [EventTypes.ComplaintReceived], [EventTypes.ResponseIssued],
            [EventTypes.InfoRequested], [EventTypes.InfoReceived]) with { Limit = Ofcom };

        var instance = Single(
            stage,
            [
                E(EventTypes.ComplaintReceived, "2026-04-01T10:00:00+01:00"),
                E(EventTypes.InfoRequested, "2026-04-07T10:00:00+01:00"),
                E(EventTypes.InfoReceived, "2026-04-09T10:00:00+01:00"),
                E(EventTypes.ResponseIssued, "2026-05-28T10:00:00+01:00"),
            ],
            "2026-06-30T00:00:00Z");

        Assert.Equal(EightWeeks, instance.Limit);
        Assert.Equal(At("2026-05-29T22:59:59.999999Z"), instance.DueAt);
        Assert.Equal(StageStatus.Met, instance.Status);
    }

    [Theory]
    // Received 7 April: 8 weeks, eligible at the end of 2 June. Received 8 April: 6 weeks, the end of 20 May.
    [InlineData("2026-04-07T09:00:00+01:00", "8 weeks", "2026-06-02T22:59:59.999999Z")]
    [InlineData("2026-04-08T09:00:00+01:00", "6 weeks", "2026-05-20T22:59:59.999999Z")]
    public void The_ADR_trigger_is_the_version_in_force_on_the_first_complaint_received(string received, string trigger, string due)
    {
        var policy = Policy([], adr: new AdrRule(Ofcom));

        var status = AdrLetterCheck.Evaluate(
            policy, [E(EventTypes.ComplaintReceived, "2026-04-20T09:00:00+01:00"), E(EventTypes.ComplaintReceived, received)]);

        Assert.NotNull(status);
        Assert.Equal(TimeLimit.Parse(trigger), status.EligibleAfter);
        Assert.Equal(At(due), status.DueAt);
        Assert.True(status.LetterMissing);
    }

    [Fact]
    public void A_case_received_before_the_first_ADR_version_needs_no_letter()
    {
        var policy = Policy([], adr: new AdrRule(LimitSchedule.Create([new DatedLimit(Date("2026-04-08"), SixWeeks)])));

        Assert.Null(AdrLetterCheck.Evaluate(policy, [E(EventTypes.ComplaintReceived, "2026-04-07T09:00:00+01:00")]));
    }
}
