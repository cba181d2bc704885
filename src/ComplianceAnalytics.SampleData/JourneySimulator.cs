using ComplianceAnalytics.Domain;
using ComplianceAnalytics.Policies;
using NodaTime;

namespace ComplianceAnalytics.SampleData;

/// <summary>
/// Draws one complaint's journey: receipt, acknowledgement, investigation (with pauses and
/// extensions), response, then acceptance, silence or escalation, deadlock and ADR, closure
/// and sometimes a reopened second cycle. Each stage's stop is drawn against the org's
/// limit so that most stages meet it and a minority breach, more often for the org's slow
/// team and slow category (the recurring failures a compliance officer should spot).
/// </summary>
internal sealed class JourneySimulator(Random random, BusinessCalendar calendar, DateTimeZone zone)
{
    private const string Upheld = "upheld";
    private const string PartiallyUpheld = "partially_upheld";
    private const string NotUpheld = "not_upheld";

    private static readonly LocalTime DueTimeOfDay = new(17, 0);

    private SampleOrg _org = null!;
    private SampleCase _case = null!;
    private List<SampleEvent> _events = null!;

    /// <summary>Fills <paramref name="events"/> with the case's events in order of instant.</summary>
    public void Simulate(SampleOrg org, SampleCase sampleCase, Instant received, List<SampleEvent> events)
    {
        _org = org;
        _case = sampleCase;
        _events = events;
        events.Clear();

        Add(EventTypes.ComplaintReceived, received);
        if (org.SummaryResolutionRate > 0 && random.NextDouble() < org.SummaryResolutionRate)
        {
            SummaryResolution(received);
            SortByInstant(events);
            return;
        }

        var acknowledged = PlanStop(received, org.Acknowledgement, BreachRate(SimStage.Acknowledgement, received));
        Add(EventTypes.Acknowledged, acknowledged);

        var closed = org.AdrEligibleWeeks is int weeks && random.NextDouble() < 0.03
            ? Dragging(received, acknowledged, weeks)
            : FirstCycle(acknowledged);
        if (random.NextDouble() < 0.04)
        {
            Reopen(closed);
        }

        if (org.Layout == ExportLayout.HaloCsv && random.NextDouble() < 0.15)
        {
            var noted = events[random.Next(events.Count)];
            Add(SampleEvent.NoteAdded, noted.At + Duration.FromMinutes(5 + random.Next(240)));
        }

        SortByInstant(events);
    }

    /// <summary>
    /// A complaint resolved by the end of the 3rd business day after receipt (FCA DISP 1.5): the
    /// summary resolution is the response, and the case closes with it.
    /// </summary>
    private void SummaryResolution(Instant received)
    {
        var response = WorkingMoment(received, random.Next(4));
        var (outcome, redress) = Outcome();
        Add(EventTypes.ResponseIssued, response, outcome: outcome, redress: redress);
        Add(EventTypes.Closed, response + Duration.FromMinutes(1 + random.Next(30)));
    }

    private Instant FirstCycle(Instant acknowledged)
    {
        var response = Investigate(acknowledged);
        var (outcome, redress) = Outcome();
        Add(EventTypes.ResponseIssued, response, outcome: outcome, redress: redress);
        return AfterResponse(response, outcome, mayEscalate: true);
    }

    /// <summary>The investigation from <paramref name="start"/> to the response.</summary>
    private Instant Investigate(Instant start)
    {
        var limit = _org.Response;
        var last = start;
        var pausedDays = 0;
        var pausedTime = Duration.Zero;
        if (random.NextDouble() < _org.InfoRequestRate)
        {
            var asked = WorkingMoment(start, 1 + random.Next(Math.Max(1, limit.Amount / 2)));

            // Most customers answer within a week of working days; some reply at the weekend.
            var answered = random.NextDouble() < 0.8
                ? WorkingMoment(asked, 1 + random.Next(6))
                : CustomerMoment(asked, 1 + random.Next(10));
            Add(EventTypes.InfoRequested, asked);
            Add(EventTypes.InfoReceived, answered);
            pausedDays = calendar.CountWorkingDays(Date(asked), Date(answered));
            pausedTime = answered - asked;
            last = answered;
        }

        var response = limit.Unit == LimitUnit.BusinessDays && random.NextDouble() < _org.ExtensionRate
            ? Extend(start, limit.Amount + pausedDays, last)
            : PlanStop(start, limit, BreachRate(SimStage.Response, start), pausedDays, pausedTime);
        return After(response, last);
    }

    /// <summary>A deadline extension, mostly notified before the due date; the response follows.</summary>
    private Instant Extend(Instant start, int workingDays, Instant last)
    {
        var due = calendar.AddWorkingDays(Date(start), workingDays);
        var late = random.NextDouble() < 0.12;
        var noticeDay = late
            ? calendar.AddWorkingDays(due, 1 + random.Next(3))
            : calendar.AddWorkingDays(Date(start), Math.Max(1, workingDays - 1 - random.Next(3)));
        var notice = After(At(noticeDay, WorkTime()), last);
        var newDue = calendar.AddWorkingDays(due, 5 + random.Next(11));
        Add(EventTypes.DeadlineExtended, notice, dueDate: newDue);
        if (late)
        {
            return WorkingMoment(notice, 1 + random.Next(8));
        }

        var left = Math.Max(1, calendar.CountWorkingDays(Date(notice), newDue));
        var days = random.NextDouble() < _org.BaseBreach ? left + 1 + random.Next(6) : 1 + random.Next(left);
        return WorkingMoment(notice, days);
    }

    private Instant AfterResponse(Instant response, string outcome, bool mayEscalate)
    {
        var (accepts, escalates) = outcome switch
        {
            Upheld => (0.80, 0.10),
            PartiallyUpheld => (0.55, 0.30),
            _ => (0.30, 0.45),
        };
        var choice = random.NextDouble();
        if (choice < accepts)
        {
            var accepted = CustomerMoment(response, 1 + random.Next(10));
            Add(EventTypes.CustomerAccepted, accepted);
            return Close(accepted, random.Next(2));
        }

        if (mayEscalate && choice < accepts + escalates)
        {
            return Escalate(response);
        }

        // No reply: closed once the customer's time to escalate has run out.
        return Close(response, 20 + random.Next(6));
    }

    private Instant Escalate(Instant response)
    {
        var days = random.NextDouble() < _org.LateEscalationRate ? 29 + random.Next(21) : 1 + random.Next(27);
        var requested = CustomerMoment(response, days);
        Add(EventTypes.EscalationRequested, requested, _org.EscalationTeam);
        var acknowledged = PlanStop(requested, _org.EscalationAcknowledgement, BreachRate(SimStage.EscalationAcknowledgement, requested));
        Add(EventTypes.EscalationAcknowledged, acknowledged, _org.EscalationTeam);
        var answered = After(PlanStop(requested, _org.EscalationResponse, BreachRate(SimStage.EscalationResponse, requested)), acknowledged);
        var (outcome, redress) = Outcome();
        Add(EventTypes.EscalationResponseIssued, answered, _org.EscalationTeam, outcome, redress);
        if (outcome != Upheld && random.NextDouble() < _org.DeadlockRate)
        {
            var letter = WorkingMoment(answered, random.Next(4));
            Add(EventTypes.DeadlockLetterIssued, letter, _org.EscalationTeam);
            return random.NextDouble() < 0.65 ? Adr(letter) : Close(letter, 25 + random.Next(10));
        }

        return AfterResponse(answered, outcome, mayEscalate: false);
    }

    /// <summary>
    /// A complaint still unanswered when the customer may go to ADR: the letter is sent in
    /// time, late or not at all, and the customer often goes to the ADR body anyway.
    /// </summary>
    private Instant Dragging(Instant received, Instant acknowledged, int weeks)
    {
        var eligible = Date(received).PlusDays(7 * weeks);
        Instant? letter = random.NextDouble() switch
        {
            < 0.6 => After(At(eligible.PlusDays(-random.Next(6)), WorkTime()), acknowledged),
            < 0.8 => At(eligible.PlusDays(3 + random.Next(18)), WorkTime()),
            _ => null,
        };
        if (letter is Instant sent)
        {
            Add(EventTypes.DeadlockLetterIssued, sent);
        }

        var response = At(calendar.AddWorkingDays(eligible, 3 + random.Next(25)), WorkTime());
        Add(EventTypes.ResponseIssued, response, outcome: random.NextDouble() < 0.5 ? NotUpheld : PartiallyUpheld);
        return random.NextDouble() < 0.7
            ? Adr(letter ?? At(eligible, WorkTime()), response)
            : Close(response, 20 + random.Next(6));
    }

    private Instant Adr(Instant from, Instant? notBefore = null)
    {
        var referred = CustomerMoment(from, 3 + random.Next(40));
        Add(EventTypes.AdrReferred, referred, adrBody: _org.AdrBody);
        var decided = WorkingMoment(notBefore is Instant floor && floor > referred ? floor : referred, 20 + random.Next(70));
        var upheld = random.NextDouble() < 0.35;
        Add(EventTypes.AdrDecision, decided, outcome: upheld ? Upheld : NotUpheld, redress: upheld ? Money(50, 500) : null);
        return Close(decided, 1 + random.Next(5));
    }

    /// <summary>A second cycle: the complaint comes back after it was closed.</summary>
    private void Reopen(Instant closed)
    {
        var reopened = WorkingMoment(closed, 3 + random.Next(30));
        Add(EventTypes.Reopened, reopened);
        var response = Investigate(reopened);
        var (outcome, redress) = Outcome();
        Add(EventTypes.ResponseIssued, response, outcome: outcome, redress: redress);
        AfterResponse(response, outcome, mayEscalate: false);
    }

    private Instant Close(Instant after, int workingDays)
    {
        var closed = After(WorkingMoment(after, workingDays), after);
        Add(EventTypes.Closed, closed);
        return closed;
    }

    /// <summary>When a stage started at <paramref name="start"/> stops: in time, or (at the given rate) late.</summary>
    private Instant PlanStop(Instant start, TimeLimit limit, double breachRate, int extraDays = 0, Duration extraTime = default)
    {
        var breach = random.NextDouble() < breachRate;
        switch (limit.Unit)
        {
            case LimitUnit.Hours:
                var fraction = breach ? 1.03 + (random.NextDouble() * 1.5) : 0.05 + (random.NextDouble() * 0.9);
                return start + extraTime + Duration.FromSeconds(limit.Amount * 3600 * fraction);
            case LimitUnit.BusinessDays:
                var n = limit.Amount + extraDays;

                // The sum of two draws leans towards the middle of the allowed time, as real handling does.
                var k = breach ? n + 1 + random.Next(8) : (random.Next(n + 1) + random.Next(n + 1) + 1) / 2;
                return WorkingMoment(start, k);
            default:
                var days = (limit.Unit == LimitUnit.Weeks ? 7 * limit.Amount : limit.Amount) + extraDays;
                var first = Date(start).PlusDays(1);
                var date = Date(start).PlusDays(breach ? days + 1 + random.Next(10) : 1 + random.Next(days));
                while (!breach && !calendar.IsWorkingDay(date) && date > first)
                {
                    date = date.PlusDays(-1);
                }

                while (!calendar.IsWorkingDay(date))
                {
                    date = date.PlusDays(1);
                }

                return After(At(date, WorkTime()), start);
        }
    }

    /// <summary>The chance that a stage started at <paramref name="start"/> breaches; the sample actions may have changed it.</summary>
    private double BreachRate(SimStage stage, Instant start)
    {
        var rate = _org.BaseBreach;
        if (stage == _org.SlowTeamStage && string.Equals(_case.Team, _org.SlowTeam, StringComparison.Ordinal))
        {
            rate = 0.40;
        }

        if (stage == _org.SlowCategoryStage && string.Equals(_case.Category, _org.SlowCategory, StringComparison.Ordinal))
        {
            rate = Math.Max(rate, 0.30);
        }

        return SampleActionEffects.Rate(_org.Id, stage, _case.Team, Date(start), rate);
    }

    private (string Outcome, decimal? Redress) Outcome()
    {
        var upheld = string.Equals(_case.Category, "billing", StringComparison.Ordinal) ? 0.40 : 0.30;
        var draw = random.NextDouble();
        if (draw < upheld)
        {
            return (Upheld, Money(20, 750));
        }

        if (draw < upheld + 0.25)
        {
            return (PartiallyUpheld, random.NextDouble() < 0.5 ? Money(10, 150) : null);
        }

        return (NotUpheld, null);
    }

    /// <summary>A goodwill or refund amount: small ones common, round sums now and then.</summary>
    private decimal Money(int min, int max)
    {
        var draw = random.NextDouble();
        var amount = min + ((max - min) * draw * draw);
        return random.NextDouble() < 0.3
            ? Math.Round((decimal)amount / 10m, 0) * 10m
            : Math.Round((decimal)amount, 2);
    }

    /// <summary>A moment on the <paramref name="k"/>th working day after <paramref name="from"/>; k = 0 is later the same day.</summary>
    private Instant WorkingMoment(Instant from, int k)
    {
        if (k == 0)
        {
            return from + Duration.FromMinutes(10 + random.Next(170)) + Duration.FromMilliseconds(random.Next(1000));
        }

        return After(At(calendar.AddWorkingDays(Date(from), k), WorkTime()), from);
    }

    /// <summary>A customer acts on any day, from early morning to late evening.</summary>
    private Instant CustomerMoment(Instant from, int days)
    {
        var time = new LocalTime(7, 0).PlusSeconds(random.Next(16 * 3600)).PlusMilliseconds(random.Next(1000));
        return After(At(Date(from).PlusDays(days), time), from);
    }

    /// <summary>Office hours mostly; a few items are dealt with in the evening.</summary>
    private LocalTime WorkTime()
    {
        var seconds = random.NextDouble() < 0.95 ? random.Next(9 * 3600) : (9 * 3600) + random.Next(3 * 3600);
        return new LocalTime(8, 30).PlusSeconds(seconds).PlusMilliseconds(random.Next(1000));
    }

    private Instant After(Instant candidate, Instant floor) =>
        candidate > floor ? candidate : floor + Duration.FromMinutes(5 + random.Next(115));

    private LocalDate Date(Instant instant) => instant.InZone(zone).Date;

    private Instant At(LocalDate date, LocalTime time) => (date + time).InZoneLeniently(zone).ToInstant();

    private void Add(
        string type,
        Instant at,
        string? team = null,
        string? outcome = null,
        decimal? redress = null,
        LocalDate? dueDate = null,
        string? adrBody = null) =>
        _events.Add(new SampleEvent(type, at, team ?? _case.Team, outcome, redress, dueDate, adrBody));

    /// <summary>Insertion sort: stable, and the lists are a dozen events long.</summary>
    private static void SortByInstant(List<SampleEvent> events)
    {
        for (var i = 1; i < events.Count; i++)
        {
            var current = events[i];
            var j = i - 1;
            while (j >= 0 && events[j].At > current.At)
            {
                events[j + 1] = events[j];
                j--;
            }

            events[j + 1] = current;
        }
    }
}
