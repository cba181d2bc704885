using ComplianceAnalytics.Clocks;
using ComplianceAnalytics.Domain;
using ComplianceAnalytics.Measures;
using ComplianceAnalytics.Policies;
using ComplianceAnalytics.Tests.Policies;
using NodaTime;
using static ComplianceAnalytics.Tests.Clocks.ClockFixtures;

namespace ComplianceAnalytics.Tests.Clocks;

/// <summary>
/// <see cref="WhyText"/> with worked cases, one or more per rule of contract §4 (docs/explain.md lists
/// which test proves which rule), on a calendar with Good Friday and Easter Monday 2026 named and, where
/// said, on the shipped england-and-wales calendar. Each expected sentence is worked out by hand from the
/// calendar in the comment above it; every sentence comes from the steps the clock recorded while evaluating.
/// </summary>
public class WhyTextTests
{
    private const string AsOf = "2026-05-31T23:00:00Z";

    private static readonly BusinessCalendar Named = BusinessCalendar.Named(
        MondayToFriday,
        [new Holiday(new LocalDate(2026, 4, 3), "Good Friday"), new Holiday(new LocalDate(2026, 4, 6), "Easter Monday")]);

    private static readonly StageDefinition Acknowledgement =
        Stage("acknowledgement", "2 business_days", [EventTypes.ComplaintReceived], [EventTypes.Acknowledged]);

    private static readonly StageDefinition Investigation =
        Stage("investigation", "10 business_days", [EventTypes.Acknowledged, EventTypes.Reopened], [EventTypes.ResponseIssued],
            [EventTypes.InfoRequested], [EventTypes.InfoReceived], extendable: true);

    private static (StageInstance Instance, string Why) Why(StageDefinition stage, CaseEvent[] events, string asOf = AsOf, int index = 0, string language = "en")
    {
        var policy = new Policy("jpdit", "JPDIT Services", London, MondayToFriday, "england-and-wales", Named, [stage], null, [], "jpdit.yaml") { Language = language };
        var trace = new ClockTrace();
        var instance = StageClock.Evaluate("jpdit", "C-1", policy, events, At(asOf), null, trace)[index];
        return (instance, WhyText.Sentence(instance, trace.For(instance.Stage, instance.Cycle), policy, At(asOf), ReportTexts.For(language)));
    }

    [Fact]
    public void In_swedish_a_breach_over_easter_with_a_pause_and_a_late_extension_reads_in_swedish_with_the_calendars_holiday_names()
    {
        // After Wed 1 Apr: Thu 2 (1), Good Friday, Sat 4, Sun 5, Easter Monday, 7-10 (5), Sat 11, Sun 12, 13-17 (10): first
        // due Fri 17 Apr. Paused Wed 8 to Fri 10 Apr: 2 working days, due Tue 21 Apr. The extension notified Thu 23 Apr
        // came after it. Answered Fri 24 Apr: Wed 22, Thu 23, Fri 24 late. Holiday names as the calendar writes them.
        var events = new[]
        {
            E(EventTypes.Acknowledged, "2026-04-01T09:00:00Z"),
            E(EventTypes.InfoRequested, "2026-04-08T10:00:00Z"),
            E(EventTypes.InfoReceived, "2026-04-10T10:00:00Z"),
            E(EventTypes.DeadlineExtended, "2026-04-23T09:00:00Z", "2026-04-30T16:00:00Z"),
            E(EventTypes.ResponseIssued, "2026-04-24T09:00:00Z"),
        };
        var (instance, why) = Why(Investigation, events, language: "sv");

        Assert.Equal(StageStatus.Breached, instance.Status);
        Assert.Equal(
            "Överskriden: svar skickat fre 24 april 2026, 3 arbetsdagar efter tidsfristen tis 21 april 2026; "
            + "startad av mottagningsbekräftelse ons 1 april 2026 med 10 arbetsdagar (gränsens enda version), första tidsfrist fre 17 april 2026, "
            + "utom Good Friday (fre 3 april 2026), Easter Monday (mån 6 april 2026) och 4 veckoslutsdagar; "
            + "pausad 2 arbetsdagar från ons 8 april 2026 (begäran om uppgifter) till fre 10 april 2026 (uppgifter mottagna), tidsfrist därefter tis 21 april 2026; "
            + "en förlängning till tors 30 april 2026 meddelad tors 23 april 2026 kom efter tidsfristen tis 21 april 2026 och bortsågs från.",
            why);

        // The same steps in English, as the store's why, explain and every machine-readable output keep it.
        Assert.Equal(
            "Breached: response issued on Fri 24 Apr 2026, 3 working days after the deadline of Tue 21 Apr 2026; "
            + "started by acknowledged on Wed 1 Apr 2026 with 10 working days (the only version of the limit), first due Fri 17 Apr 2026, "
            + "skipping Good Friday (Fri 3 Apr 2026), Easter Monday (Mon 6 Apr 2026) and 4 weekend days; "
            + "paused 2 working days from Wed 8 Apr 2026 (info requested) to Fri 10 Apr 2026 (info received), deadline then Tue 21 Apr 2026; "
            + "an extension to Thu 30 Apr 2026 notified on Thu 23 Apr 2026 came after the deadline of Tue 21 Apr 2026 and was ignored.",
            Why(Investigation, events).Why);
    }

    [Fact]
    public void In_swedish_hours_have_a_decimal_comma_and_times_are_local()
    {
        // As A_pause_of_an_hour_limit_is_told_in_hours: paused 2.5 hours, an hour late.
        var callback = Stage(
            "callback", "8 hours", [EventTypes.ComplaintReceived], [EventTypes.Acknowledged], [EventTypes.InfoRequested], [EventTypes.InfoReceived]);
        var (_, why) = Why(
            callback,
            [
                E(EventTypes.ComplaintReceived, "2026-05-11T09:00:00Z"),
                E(EventTypes.InfoRequested, "2026-05-11T10:00:00Z"),
                E(EventTypes.InfoReceived, "2026-05-11T12:30:00Z"),
                E(EventTypes.Acknowledged, "2026-05-11T20:30:00Z"),
            ],
            language: "sv");

        Assert.Equal(
            "Överskriden: mottagningsbekräftelse mån 11 maj 2026 21:30, 1 timme efter tidsfristen mån 11 maj 2026 20:30; "
            + "startad av klagomål mottaget mån 11 maj 2026 10:00 med 8 timmar (gränsens enda version), första tidsfrist mån 11 maj 2026 18:00; "
            + "pausad 2,5 timmar från mån 11 maj 2026 11:00 (begäran om uppgifter) till mån 11 maj 2026 13:30 (uppgifter mottagna), tidsfrist därefter mån 11 maj 2026 20:30.",
            why);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("sv")]
    public void Every_key_of_the_sentence_is_in_every_language(string language)
    {
        // Every language's file has every English key (ReportTextsTests); this pins the why's keys into English.
        var texts = ReportTexts.For(language).All;
        Assert.All(WhyText.Keys, k => Assert.True(texts.ContainsKey(k), $"Texts of '{language}' lack '{k}'"));
        Assert.Equal(WhyText.Keys.Count, WhyText.Keys.Distinct(StringComparer.Ordinal).Count());
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

        // After Wed 1 Apr: Thu 2 (1), Good Friday, Sat 4, Sun 5, Easter Monday, 7-10 (5), Sat 11, Sun 12, 13-17 (10).
        Assert.Equal(StageStatus.Met, instance.Status);
        Assert.Equal(
            "Met: response issued on Thu 16 Apr 2026, by the deadline of Fri 17 Apr 2026; "
            + "started by acknowledged on Wed 1 Apr 2026 with 10 working days (the only version of the limit), first due Fri 17 Apr 2026, "
            + "skipping Good Friday (Fri 3 Apr 2026), Easter Monday (Mon 6 Apr 2026) and 4 weekend days.",
            why);
    }

    [Fact]
    public void Holidays_are_named_as_the_shipped_calendar_names_them()
    {
        // jpdit's own policy and the england-and-wales calendar beside it. 10 working days after Wed 23 Dec 2026:
        // Thu 24 (1), Christmas Day, Sat 26, Sun 27, Boxing Day (substitute day) Mon 28, 29-31 (4), New Year's Day
        // Fri 1 Jan, Sat 2, Sun 3, 4-8 (9), Sat 9, Sun 10, Mon 11 (10). Answered Wed 13 Jan: Tue 12 and Wed 13 late.
        var policy = PolicyLoader.LoadOrThrow(RepositoryPaths.Policies).Find("jpdit")!;
        var trace = new ClockTrace();
        var asOf = At("2027-02-01T00:00:00Z");
        var instance = Assert.Single(StageClock.Evaluate(
            "jpdit",
            "C-1",
            policy,
            [E(EventTypes.Acknowledged, "2026-12-23T09:00:00Z"), E(EventTypes.ResponseIssued, "2027-01-13T09:00:00Z")],
            asOf,
            null,
            trace));

        Assert.Equal(
            "Breached: response issued on Wed 13 Jan 2027, 2 working days after the deadline of Mon 11 Jan 2027; "
            + "started by acknowledged on Wed 23 Dec 2026 with 10 working days (the only version of the limit), first due Mon 11 Jan 2027, "
            + "skipping Christmas Day (Fri 25 Dec 2026), Boxing Day (substitute day) (Mon 28 Dec 2026), New Year's Day (Fri 1 Jan 2027) and 6 weekend days.",
            WhyText.Sentence(instance, trace.For(instance.Stage, instance.Cycle), policy, asOf, ReportTexts.English));
    }

    [Fact]
    public void A_deadline_within_the_working_week_skips_nothing()
    {
        // After Mon 2 Mar: 3-6 (4), Sat 7, Sun 8, 9-13 (9), Sat 14, Sun 15, Mon 16 (10).
        var (_, why) = Why(Investigation, [
            E(EventTypes.Acknowledged, "2026-03-02T09:00:00Z"),
            E(EventTypes.ResponseIssued, "2026-03-03T09:00:00Z"),
        ]);

        Assert.Equal(
            "Met: response issued on Tue 3 Mar 2026, by the deadline of Mon 16 Mar 2026; "
            + "started by acknowledged on Mon 2 Mar 2026 with 10 working days (the only version of the limit), first due Mon 16 Mar 2026, "
            + "skipping no holidays and 4 weekend days.",
            why);

        // After Mon 2 Mar: Tue 3 (1), Wed 4 (2).
        var (_, short1) = Why(Acknowledgement, [
            E(EventTypes.ComplaintReceived, "2026-03-02T09:00:00Z"),
            E(EventTypes.Acknowledged, "2026-03-03T09:00:00Z"),
        ]);
        Assert.Equal(
            "Met: acknowledged on Tue 3 Mar 2026, by the deadline of Wed 4 Mar 2026; "
            + "started by complaint received on Mon 2 Mar 2026 with 2 working days (the only version of the limit), first due Wed 4 Mar 2026, "
            + "with no holiday or weekend day in between.",
            short1);
    }

    [Fact]
    public void Received_on_a_weekend_the_count_starts_after_that_day()
    {
        // Received Sat 7 Mar: the day of receipt never counts, working or not. After it: Sun 8 skipped,
        // Mon 9 (1), Tue 10 (2). Acknowledged Wed 11: one working day late.
        var (instance, why) = Why(Acknowledgement, [
            E(EventTypes.ComplaintReceived, "2026-03-07T10:00:00Z"),
            E(EventTypes.Acknowledged, "2026-03-11T09:00:00Z"),
        ]);

        Assert.Equal(StageStatus.Breached, instance.Status);
        Assert.Equal(
            "Breached: acknowledged on Wed 11 Mar 2026, 1 working day after the deadline of Tue 10 Mar 2026; "
            + "started by complaint received on Sat 7 Mar 2026 with 2 working days (the only version of the limit), first due Tue 10 Mar 2026, "
            + "skipping no holidays and 1 weekend day.",
            why);
    }

    [Fact]
    public void The_day_of_receipt_is_the_local_day()
    {
        // 23:30 UTC on Tue 30 Jun is 00:30 BST on Wed 1 Jul: the day of receipt is Wed 1 Jul, so due Fri 3 Jul
        // (Thu 2 (1), Fri 3 (2)); acknowledged Fri 3 Jul at 22:00 BST is in time. Counted from the UTC date it
        // would have been due Thu 2 Jul and breached.
        var (instance, why) = Why(
            Acknowledgement,
            [
                E(EventTypes.ComplaintReceived, "2026-06-30T23:30:00Z"),
                E(EventTypes.Acknowledged, "2026-07-03T21:00:00Z"),
            ],
            "2026-07-31T23:00:00Z");

        Assert.Equal(StageStatus.Met, instance.Status);
        Assert.Equal(
            "Met: acknowledged on Fri 3 Jul 2026, by the deadline of Fri 3 Jul 2026; "
            + "started by complaint received on Wed 1 Jul 2026 with 2 working days (the only version of the limit), first due Fri 3 Jul 2026, "
            + "with no holiday or weekend day in between.",
            why);
    }

    [Fact]
    public void A_pause_after_the_breach_rescues_nothing()
    {
        var (instance, why) = Why(Investigation, [
            E(EventTypes.Acknowledged, "2026-01-05T09:00:00Z"),
            E(EventTypes.InfoRequested, "2026-01-21T09:00:00Z"),
            E(EventTypes.ResponseIssued, "2026-01-23T09:00:00Z"),
        ]);

        // Due Mon 19 Jan (6-9, 12-16, 19); late in (19 Jan, 23 Jan]: 20, 21, 22, 23.
        Assert.Equal(StageStatus.Breached, instance.Status);
        Assert.Equal(
            "Breached: response issued on Fri 23 Jan 2026, 4 working days after the deadline of Mon 19 Jan 2026; "
            + "started by acknowledged on Mon 5 Jan 2026 with 10 working days (the only version of the limit), first due Mon 19 Jan 2026, "
            + "skipping no holidays and 4 weekend days; "
            + "info requested on Wed 21 Jan 2026 came after the deadline of Mon 19 Jan 2026 and paused nothing (a pause after the breach rescues nothing).",
            why);
    }

    [Fact]
    public void A_pause_ended_by_the_stop_moves_the_deadline_by_its_working_days()
    {
        // Due Mon 19 Jan; paused Thu 15 Jan with no resume, so the stop on Tue 20 Jan ends the pause:
        // (15 Jan, 20 Jan] holds Fri 16, Mon 19, Tue 20, 3 working days; both dues move to Thu 22 Jan.
        var (instance, why) = Why(Investigation, [
            E(EventTypes.Acknowledged, "2026-01-05T09:00:00Z"),
            E(EventTypes.InfoRequested, "2026-01-15T09:00:00Z"),
            E(EventTypes.ResponseIssued, "2026-01-20T09:00:00Z"),
        ]);

        Assert.Equal(StageStatus.Met, instance.Status);
        Assert.Equal(
            "Met: response issued on Tue 20 Jan 2026, by the deadline of Thu 22 Jan 2026; "
            + "started by acknowledged on Mon 5 Jan 2026 with 10 working days (the only version of the limit), first due Mon 19 Jan 2026, "
            + "skipping no holidays and 4 weekend days; "
            + "paused 3 working days from Thu 15 Jan 2026 (info requested) to Tue 20 Jan 2026 (response issued), deadline then Thu 22 Jan 2026.",
            why);
    }

    [Fact]
    public void A_pause_over_easter_counts_only_its_working_days()
    {
        // Due Fri 17 Apr (see Holidays_skipped_are_named). Paused Thu 2 Apr to Tue 7 Apr: (2 Apr, 7 Apr] holds
        // Good Friday, a weekend and Easter Monday, so only Tue 7 counts: due Mon 20 Apr.
        var (instance, why) = Why(Investigation, [
            E(EventTypes.Acknowledged, "2026-04-01T09:00:00Z"),
            E(EventTypes.InfoRequested, "2026-04-02T09:00:00Z"),
            E(EventTypes.InfoReceived, "2026-04-07T09:00:00Z"),
            E(EventTypes.ResponseIssued, "2026-04-20T09:00:00Z"),
        ]);

        Assert.Equal(StageStatus.Met, instance.Status);
        Assert.Equal(
            "Met: response issued on Mon 20 Apr 2026, by the deadline of Mon 20 Apr 2026; "
            + "started by acknowledged on Wed 1 Apr 2026 with 10 working days (the only version of the limit), first due Fri 17 Apr 2026, "
            + "skipping Good Friday (Fri 3 Apr 2026), Easter Monday (Mon 6 Apr 2026) and 4 weekend days; "
            + "paused 1 working day from Thu 2 Apr 2026 (info requested) to Tue 7 Apr 2026 (info received), deadline then Mon 20 Apr 2026.",
            why);
    }

    [Fact]
    public void A_pause_of_an_hour_limit_is_told_in_hours()
    {
        // 8 hours from 10:00 BST: due 18:00. Paused 11:00 to 13:30, 2.5 hours: due 20:30. Acknowledged 21:30: 1 hour late.
        var callback = Stage(
            "callback", "8 hours", [EventTypes.ComplaintReceived], [EventTypes.Acknowledged], [EventTypes.InfoRequested], [EventTypes.InfoReceived]);
        var (instance, why) = Why(callback, [
            E(EventTypes.ComplaintReceived, "2026-05-11T09:00:00Z"),
            E(EventTypes.InfoRequested, "2026-05-11T10:00:00Z"),
            E(EventTypes.InfoReceived, "2026-05-11T12:30:00Z"),
            E(EventTypes.Acknowledged, "2026-05-11T20:30:00Z"),
        ]);

        Assert.Equal(StageStatus.Breached, instance.Status);
        Assert.Equal(
            "Breached: acknowledged on Mon 11 May 2026 21:30, 1 hour after the deadline of Mon 11 May 2026 20:30; "
            + "started by complaint received on Mon 11 May 2026 10:00 with 8 hours (the only version of the limit), first due Mon 11 May 2026 18:00; "
            + "paused 2.5 hours from Mon 11 May 2026 11:00 (info requested) to Mon 11 May 2026 13:30 (info received), deadline then Mon 11 May 2026 20:30.",
            why);
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
        Assert.Equal(
            "Met after an extension: response issued on Tue 27 Jan 2026, after the deadline of Mon 19 Jan 2026 but by the extended one of Fri 30 Jan 2026; "
            + "started by acknowledged on Mon 5 Jan 2026 with 10 working days (the only version of the limit), first due Mon 19 Jan 2026, "
            + "skipping no holidays and 4 weekend days; "
            + "an extension to Fri 30 Jan 2026 notified on Thu 15 Jan 2026 was in time and applied.",
            why);
    }

    [Fact]
    public void An_answer_by_the_original_deadline_is_met_against_it_though_an_extension_applied()
    {
        // Met is judged against the original deadline, Mon 19 Jan; the extension to Fri 30 Jan applied but was not needed.
        var (instance, why) = Why(Investigation, [
            E(EventTypes.Acknowledged, "2026-01-05T09:00:00Z"),
            E(EventTypes.DeadlineExtended, "2026-01-15T09:00:00Z", "2026-01-30T17:00:00Z"),
            E(EventTypes.ResponseIssued, "2026-01-16T09:00:00Z"),
        ]);

        Assert.Equal(StageStatus.Met, instance.Status);
        Assert.True(instance.Extended);
        Assert.Equal(
            "Met: response issued on Fri 16 Jan 2026, by the deadline of Mon 19 Jan 2026; "
            + "started by acknowledged on Mon 5 Jan 2026 with 10 working days (the only version of the limit), first due Mon 19 Jan 2026, "
            + "skipping no holidays and 4 weekend days; "
            + "an extension to Fri 30 Jan 2026 notified on Thu 15 Jan 2026 was in time and applied.",
            why);
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
        Assert.Equal(
            "Met: response issued on Wed 14 Jan 2026, by the deadline of Mon 19 Jan 2026; "
            + "started by acknowledged on Mon 5 Jan 2026 with 10 working days (the only version of the limit), first due Mon 19 Jan 2026, "
            + "skipping no holidays and 4 weekend days; "
            + "an extension to Fri 16 Jan 2026 notified on Thu 8 Jan 2026 was not later than the deadline of Mon 19 Jan 2026 and changed nothing.",
            why);
    }

    [Fact]
    public void An_extension_while_paused_settles_the_pause_first()
    {
        // Paused Wed 14 Jan; the extension on Fri 16 Jan settles 2 working days (15, 16), due Wed 21 Jan, then
        // extends to Fri 30 Jan; the pause going on ends Tue 20 Jan, 2 more working days (19, 20): due Tue 3 Feb.
        // The original deadline moves by both pauses: Mon 19 Jan + 4 working days = Fri 23 Jan.
        var (instance, why) = Why(Investigation, [
            E(EventTypes.Acknowledged, "2026-01-05T09:00:00Z"),
            E(EventTypes.InfoRequested, "2026-01-14T09:00:00Z"),
            E(EventTypes.DeadlineExtended, "2026-01-16T09:00:00Z", "2026-01-30T17:00:00Z"),
            E(EventTypes.InfoReceived, "2026-01-20T09:00:00Z"),
            E(EventTypes.ResponseIssued, "2026-02-02T09:00:00Z"),
        ]);

        Assert.Equal(StageStatus.MetExtended, instance.Status);
        Assert.Equal(At("2026-02-03T23:59:59.999999Z"), instance.DueAt);
        Assert.Equal(
            "Met after an extension: response issued on Mon 2 Feb 2026, after the deadline of Fri 23 Jan 2026 but by the extended one of Tue 3 Feb 2026; "
            + "started by acknowledged on Mon 5 Jan 2026 with 10 working days (the only version of the limit), first due Mon 19 Jan 2026, "
            + "skipping no holidays and 4 weekend days; "
            + "paused 2 working days from Wed 14 Jan 2026 (info requested) until the extension settled it on Fri 16 Jan 2026 (the pause after it goes on); "
            + "an extension to Fri 30 Jan 2026 notified on Fri 16 Jan 2026 was in time and applied; "
            + "paused 2 working days from Fri 16 Jan 2026 (the pause going on after the extension) to Tue 20 Jan 2026 (info received), deadline then Tue 3 Feb 2026.",
            why);
    }

    [Fact]
    public void A_second_cycle_says_it_started_again()
    {
        // A reopening while cycle 1 is open (Wed 7 Jan) starts nothing; the one after its stop starts cycle 2.
        // Cycle 2: after Mon 2 Feb: 3-6 (4), 9-13 (9), Mon 16 (10); answered Tue 17 Feb, one working day late.
        CaseEvent[] events =
        [
            E(EventTypes.Acknowledged, "2026-01-05T09:00:00Z"),
            E(EventTypes.Reopened, "2026-01-07T09:00:00Z"),
            E(EventTypes.ResponseIssued, "2026-01-09T09:00:00Z"),
            E(EventTypes.Reopened, "2026-02-02T09:00:00Z"),
            E(EventTypes.ResponseIssued, "2026-02-17T09:00:00Z"),
        ];
        var (first, firstWhy) = Why(Investigation, events);
        var (second, secondWhy) = Why(Investigation, events, index: 1);

        Assert.Equal((1, StageStatus.Met), (first.Cycle, first.Status));
        Assert.Equal(
            "Met: response issued on Fri 9 Jan 2026, by the deadline of Mon 19 Jan 2026; "
            + "started by acknowledged on Mon 5 Jan 2026 with 10 working days (the only version of the limit), first due Mon 19 Jan 2026, "
            + "skipping no holidays and 4 weekend days.",
            firstWhy);
        Assert.Equal((2, StageStatus.Breached), (second.Cycle, second.Status));
        Assert.Equal(
            "Breached: response issued on Tue 17 Feb 2026, 1 working day after the deadline of Mon 16 Feb 2026; "
            + "cycle 2, started again by reopened on Mon 2 Feb 2026 with 10 working days (the only version of the limit), first due Mon 16 Feb 2026, "
            + "skipping no holidays and 4 weekend days.",
            secondWhy);
    }

    [Fact]
    public void Open_instances_at_the_as_of_say_within_paused_or_past_the_deadline()
    {
        var within = Why(Investigation, [E(EventTypes.Acknowledged, "2026-05-26T09:00:00Z")]).Why;
        var paused = Why(Investigation, [E(EventTypes.Acknowledged, "2026-05-05T09:00:00Z"), E(EventTypes.InfoRequested, "2026-05-07T09:00:00Z")]).Why;
        var (late, lateWhy) = Why(Investigation, [E(EventTypes.Acknowledged, "2026-05-05T09:00:00Z")]);

        // The as-of is 00:00 BST on Mon 1 Jun; the sentence names the last day before it, Sun 31 May.
        // Within: after Tue 26 May: 27-29 (3), 1-5 Jun (8), Mon 8 (9), Tue 9 (10).
        Assert.Equal(
            "Open within its limit at Sun 31 May 2026: due by Tue 9 Jun 2026; "
            + "started by acknowledged on Tue 26 May 2026 with 10 working days (the only version of the limit), first due Tue 9 Jun 2026, "
            + "skipping no holidays and 4 weekend days.",
            within);

        // Paused: first due Tue 19 May (6-8, 11-15, 18, 19). The pause from Thu 7 May ends at the as-of, whose local
        // day is Mon 1 Jun: (7 May, 1 Jun] holds 17 working days in this calendar (Mon 25 May is not one of its
        // holidays), so due Tue 19 May + 17 = Thu 11 Jun if it resumed then.
        Assert.Equal(
            "Open and paused at Sun 31 May 2026, so within its limit: a paused clock does not run out (due Thu 11 Jun 2026 if it resumed then); "
            + "started by acknowledged on Tue 5 May 2026 with 10 working days (the only version of the limit), first due Tue 19 May 2026, "
            + "skipping no holidays and 4 weekend days; "
            + "paused since Thu 7 May 2026 (info requested) and still paused.",
            paused);

        // Past: due Tue 19 May; late in (19 May, 31 May]: 20, 21, 22, 25, 26, 27, 28, 29.
        Assert.Equal(StageStatus.OpenBreached, late.Status);
        Assert.Equal(
            "Open past its deadline at Sun 31 May 2026: 8 working days after the deadline of Tue 19 May 2026; "
            + "started by acknowledged on Tue 5 May 2026 with 10 working days (the only version of the limit), first due Tue 19 May 2026, "
            + "skipping no holidays and 4 weekend days.",
            lateWhy);
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

        // Tue 7 Apr + 56 days = Tue 2 Jun; Wed 8 Apr + 42 days = Wed 20 May, 11 calendar days before Sun 31 May.
        Assert.Equal(
            "Open within its limit at Sun 31 May 2026: due by Tue 2 Jun 2026; "
            + "started by complaint received on Tue 7 Apr 2026 with 8 weeks (the version before 2026-04-08), first due Tue 2 Jun 2026.",
            before);
        Assert.Equal(
            "Open past its deadline at Sun 31 May 2026: 11 days after the deadline of Wed 20 May 2026; "
            + "started by complaint received on Wed 8 Apr 2026 with 6 weeks (the version in force from 2026-04-08), first due Wed 20 May 2026.",
            after);
    }

    [Fact]
    public void A_working_day_limit_that_changed_counts_the_version_of_the_start()
    {
        // 10 working days until 1 March 2026, 8 from then, 5 from 1 June. Started Thu 26 Feb: 10 (due Thu 12 Mar,
        // see the first test). Started Mon 2 Mar: 8, 3-6 (4), 9-12 (8), due Thu 12 Mar too; both answered Fri 13 Mar.
        var changed = new StageDefinition(
            "investigation", [EventTypes.Acknowledged], [EventTypes.ResponseIssued],
            LimitSchedule.Create([
                new DatedLimit(null, TimeLimit.Parse("10 business_days")),
                new DatedLimit(new LocalDate(2026, 3, 1), TimeLimit.Parse("8 business_days")),
                new DatedLimit(new LocalDate(2026, 6, 1), TimeLimit.Parse("5 business_days")),
            ]),
            [], [], false);

        var (before, beforeWhy) = Why(changed, [E(EventTypes.Acknowledged, "2026-02-26T09:00:00Z"), E(EventTypes.ResponseIssued, "2026-03-13T09:00:00Z")]);
        var (middle, middleWhy) = Why(changed, [E(EventTypes.Acknowledged, "2026-03-02T09:00:00Z"), E(EventTypes.ResponseIssued, "2026-03-13T09:00:00Z")]);

        Assert.Equal(("10 business_days", "8 business_days"), (before.Limit.ToString(), middle.Limit.ToString()));
        Assert.Equal(
            "Breached: response issued on Fri 13 Mar 2026, 1 working day after the deadline of Thu 12 Mar 2026; "
            + "started by acknowledged on Thu 26 Feb 2026 with 10 working days (the version before 2026-03-01), first due Thu 12 Mar 2026, "
            + "skipping no holidays and 4 weekend days.",
            beforeWhy);
        Assert.Equal(
            "Breached: response issued on Fri 13 Mar 2026, 1 working day after the deadline of Thu 12 Mar 2026; "
            + "started by acknowledged on Mon 2 Mar 2026 with 8 working days (the version in force from 2026-03-01), first due Thu 12 Mar 2026, "
            + "skipping no holidays and 2 weekend days.",
            middleWhy);
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
        Assert.Equal(
            "Breached: acknowledged on Mon 11 May 2026 15:30, 1.5 hours after the deadline of Mon 11 May 2026 14:00; "
            + "started by complaint received on Mon 11 May 2026 10:00 with 4 hours (the only version of the limit), first due Mon 11 May 2026 14:00.",
            why);
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
