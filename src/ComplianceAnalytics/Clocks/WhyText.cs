using System.Globalization;
using System.Text;
using ComplianceAnalytics.Policies;
using NodaTime;
using NodaTime.Text;

namespace ComplianceAnalytics.Clocks;

/// <summary>
/// The texts the <see cref="WhyText"/> sentence is composed from: its keys (<see cref="WhyText.Keys"/>) in one
/// language, and that language's culture for day and month names and numbers. The product's resources
/// (<c>Measures/Texts.*.resx</c>) are them; the interface lets this layer use them without knowing that layer.
/// </summary>
public interface IClockTexts
{
    /// <summary>Every key with its text.</summary>
    IReadOnlyDictionary<string, string> All { get; }

    /// <summary>The culture of the language's day and month names and numbers; never used to parse or to write a file.</summary>
    CultureInfo Culture { get; }
}

/// <summary>
/// Plain words for a stage instance, built from the <see cref="ClockStep"/>s its clock recorded while it
/// computed the instance's figures: one sentence for the instance (<see cref="Sentence"/>), in the language of
/// the texts it is given, and one English line per step (<see cref="Step"/>). Nothing here computes a due time;
/// it only reads what the clock did.
/// </summary>
public static class WhyText
{
    private const string EventPrefix = "why.event.";

    private static readonly LocalDateTimePattern SecondPattern = LocalDateTimePattern.Create("ddd d MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>
    /// Every key the sentence may use, each in every language's texts (the key test checks): the sentences
    /// with their <c>{0}</c> places, the units (<c>.one</c> for one), the date patterns and each event type.
    /// </summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        "why.date", "why.date_time",
        "why.met", "why.met_extended", "why.breached", "why.open_breached", "why.open_paused", "why.open_within",
        "why.no_working_day",
        "why.started", "why.started_again",
        "why.pause_after_due", "why.still_paused", "why.paused", "why.pause_settled", "why.pause_going_on",
        "why.extension_applied", "why.extension_not_later", "why.extension_late",
        "why.version.only", "why.version.from", "why.version.before",
        "why.skipped.none", "why.skipped.weekend_only", "why.skipped.one", "why.skipped.many", "why.a_holiday",
        .. new[] { "hours", "days", "weeks", "working_days", "weekend_days" }.SelectMany(u => new[] { $"why.{u}", $"why.{u}.one" }),
        .. Domain.EventTypes.All.Select(t => EventPrefix + t),
    ];

    /// <summary>
    /// One sentence in the language of <paramref name="texts"/>: the outcome and by how much, where the deadline
    /// came from (limit, start, holidays and weekends skipped, the dated version), then each pause and extension
    /// in the order they happened. Holiday names are the calendar file's, as written there.
    /// </summary>
    public static string Sentence(StageInstance instance, IReadOnlyList<ClockStep> steps, Policy policy, Instant asOf, IClockTexts texts)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(texts);
        var words = new Words(policy, instance.Limit, texts);
        var text = new StringBuilder(Outcome(instance, steps, words, asOf));
        foreach (var clause in Clauses(instance, steps, policy, words))
        {
            text.Append("; ").Append(clause);
        }

        return text.Append('.').ToString();
    }

    /// <summary>
    /// What one step did, for <c>compliance explain</c>'s step-by-step list: in English, as explain is
    /// (docs/explain.md); <paramref name="english"/> gives its units and the limit's version.
    /// </summary>
    public static string Step(ClockStep step, StageInstance instance, Policy policy, IClockTexts english)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(english);
        var w = new Words(policy, instance.Limit, english);
        return step.Kind switch
        {
            ClockStepKind.Started => $"{step.EventType} starts the clock: {w.Amount(instance.Limit)} ({Version(instance, policy, w)}), due {w.Exact(step.DueAt)}",
            ClockStepKind.Paused => $"{step.EventType} pauses the clock",
            ClockStepKind.PauseAfterDue => $"{step.EventType} after the due time {w.Exact(step.DueAt)} pauses nothing",
            ClockStepKind.Resumed when step.EventType.Length == 0 => $"still paused at the as-of; {w.Moved(step)} counted so far, due {w.Exact(step.DueAt)} if it resumed now",
            ClockStepKind.Resumed => $"{step.EventType} ends the pause begun {w.Exact(step.PausedFrom!.Value)}: {w.Moved(step)} added, due {w.Exact(step.DueAt)} (original {w.Exact(step.OriginalDueAt)})",
            ClockStepKind.PauseSettled => $"{step.EventType} in time settles the pause so far: {w.Moved(step)} added, due {w.Exact(step.DueAt)}; a new pause begins",
            ClockStepKind.ExtensionApplied => $"{step.EventType} to {w.Exact(step.Requested!.Value)}, in time: due {w.Exact(step.DueAt)}",
            ClockStepKind.ExtensionNotLater => $"{step.EventType} to {w.Exact(step.Requested!.Value)} is not later than the due time {w.Exact(step.DueAt)}: no change",
            ClockStepKind.ExtensionLate => $"{step.EventType} to {w.Exact(step.Requested!.Value)} after the due time {w.Exact(step.DueAt)}: ignored",
            ClockStepKind.Stopped => $"{step.EventType} stops the clock: {StageStatusText.Of(instance.Status)}",
            _ => $"open at the as-of: {StageStatusText.Of(instance.Status)}",
        };
    }

    private static string Outcome(StageInstance i, IReadOnlyList<ClockStep> steps, Words w, Instant asOf)
    {
        var stop = steps.LastOrDefault(s => s.Kind == ClockStepKind.Stopped);
        var stopWhat = stop is null ? string.Empty : w.Event(stop.EventType);
        var last = asOf - DueDates.Microsecond;
        switch (i.Status)
        {
            case StageStatus.Met:
                // Met is judged against the original deadline (contract §4), also when an extension applied.
                return w.Say("why.met", stopWhat, w.When(i.StoppedAt!.Value), w.When(i.OriginalDueAt));
            case StageStatus.MetExtended:
                return w.Say("why.met_extended", stopWhat, w.When(i.StoppedAt!.Value), w.When(i.OriginalDueAt), w.When(i.DueAt));
            case StageStatus.Breached:
                return w.Say("why.breached", stopWhat, w.When(i.StoppedAt!.Value), w.Late(i.DueAt, i.StoppedAt!.Value), w.When(i.DueAt));
            case StageStatus.OpenBreached:
                return w.Say("why.open_breached", w.When(last), w.Late(i.DueAt, last), w.When(i.DueAt));
            default:
                var paused = steps.Any(s => s.Kind == ClockStepKind.Resumed && s.EventType.Length == 0);
                return paused
                    ? w.Say("why.open_paused", w.When(last), w.When(i.DueAt))
                    : w.Say("why.open_within", w.When(last), w.When(i.DueAt));
        }
    }

    private static IEnumerable<string> Clauses(StageInstance i, IReadOnlyList<ClockStep> steps, Policy policy, Words w)
    {
        var started = steps.FirstOrDefault(s => s.Kind == ClockStepKind.Started);
        if (started is not null)
        {
            var (by, on, amount, version, due, skipped) = (
                w.Event(started.EventType), w.When(started.At), w.Amount(i.Limit), Version(i, policy, w), w.When(started.DueAt), w.Skipped(started.At, started.DueAt));
            yield return i.Cycle > 1
                ? w.Say("why.started_again", w.Number(i.Cycle), by, on, amount, version, due, skipped)
                : w.Say("why.started", by, on, amount, version, due, skipped);
        }

        for (var n = 0; n < steps.Count; n++)
        {
            var s = steps[n];
            switch (s.Kind)
            {
                case ClockStepKind.PauseAfterDue:
                    yield return w.Say("why.pause_after_due", w.Event(s.EventType), w.When(s.At), w.When(s.DueAt));
                    break;
                case ClockStepKind.Resumed when s.EventType.Length == 0:
                    yield return w.Say("why.still_paused", w.When(s.PausedFrom!.Value), PauseCause(steps, n, w));
                    break;
                case ClockStepKind.Resumed:
                    yield return w.Say("why.paused", w.Moved(s), w.When(s.PausedFrom!.Value), PauseCause(steps, n, w), w.When(s.At), w.Event(s.EventType), w.When(s.DueAt));
                    break;
                case ClockStepKind.PauseSettled:
                    yield return w.Say("why.pause_settled", w.Moved(s), w.When(s.PausedFrom!.Value), PauseCause(steps, n, w), w.When(s.At));
                    break;
                case ClockStepKind.ExtensionApplied:
                    yield return w.Say("why.extension_applied", w.When(s.Requested!.Value), w.When(s.At));
                    break;
                case ClockStepKind.ExtensionNotLater:
                    yield return w.Say("why.extension_not_later", w.When(s.Requested!.Value), w.When(s.At), w.When(s.DueAt));
                    break;
                case ClockStepKind.ExtensionLate:
                    yield return w.Say("why.extension_late", w.When(s.Requested!.Value), w.When(s.At), w.When(s.DueAt));
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>The event that began the pause ended at step <paramref name="end"/>, in words.</summary>
    private static string PauseCause(IReadOnlyList<ClockStep> steps, int end, Words w)
    {
        for (var n = end - 1; n >= 0; n--)
        {
            if (steps[n].Kind is ClockStepKind.Paused)
            {
                return w.Event(steps[n].EventType);
            }

            if (steps[n].Kind is ClockStepKind.PauseSettled)
            {
                return w.Say("why.pause_going_on");
            }
        }

        return string.Empty;
    }

    /// <summary>The applied version of a dated limit, e.g. "the version in force from 2026-04-08"; "the only version" otherwise.</summary>
    private static string Version(StageInstance i, Policy policy, Words w)
    {
        var stage = policy.Stages.FirstOrDefault(s => string.Equals(s.Id, i.Stage, StringComparison.Ordinal));
        if (stage is null || !stage.Limit.IsDated)
        {
            return w.Say("why.version.only");
        }

        var startDate = DueDates.DateOf(i.StartedAt, policy.TimeZone);
        var versions = stage.Limit.Versions;
        var applied = versions.Last(v => v.From is not { } from || from <= startDate);
        return applied.From is { } since
            ? w.Say("why.version.from", LimitSchedule.FormatDate(since))
            : w.Say("why.version.before", LimitSchedule.FormatDate(versions.First(v => v.From is not null).From!.Value));
    }

    /// <summary>Local times, numbers and day counts in one organisation's zone and calendar, at the precision the limit counts in, in the language of the texts.</summary>
    private sealed class Words
    {
        private readonly Policy _policy;
        private readonly TimeLimit _limit;
        private readonly IClockTexts _texts;
        private readonly LocalDatePattern _day;
        private readonly LocalDateTimePattern _minute;

        public Words(Policy policy, TimeLimit limit, IClockTexts texts)
        {
            (_policy, _limit, _texts) = (policy, limit, texts);
            _day = LocalDatePattern.Create(Text("why.date"), texts.Culture);
            _minute = LocalDateTimePattern.Create(Text("why.date_time"), texts.Culture);
        }

        /// <summary>The sentence of <paramref name="key"/> with its places filled.</summary>
        public string Say(string key, params string[] args) => string.Format(_texts.Culture, Text(key), args);

        /// <summary>A whole number in the language's digits.</summary>
        public string Number(long n) => n.ToString(_texts.Culture);

        /// <summary>An event type in words: <c>info_requested</c> reads "info requested" in English.</summary>
        public string Event(string eventType) =>
            _texts.All.TryGetValue(EventPrefix + eventType, out var text) ? text : eventType.Replace('_', ' ');

        /// <summary>A limit's amount: "10 working days".</summary>
        public string Amount(TimeLimit limit) => Quantity(limit.Amount, limit.Unit switch
        {
            LimitUnit.Hours => "hours",
            LimitUnit.Days => "days",
            LimitUnit.Weeks => "weeks",
            _ => "working_days",
        });

        /// <summary>A date for day-based limits (their due times are ends of days), a date and time for hours.</summary>
        public string When(Instant at) => _limit.IsDayBased
            ? _day.Format(DueDates.DateOf(at, _policy.TimeZone))
            : _minute.Format(at.InZone(_policy.TimeZone).LocalDateTime);

        /// <summary>Local date and time to the second, for the step-by-step list (English).</summary>
        public string Exact(Instant at) =>
            SecondPattern.Format(at.InZone(_policy.TimeZone).LocalDateTime);

        /// <summary>
        /// How far the end of a pause moved the due times: its counted days for day limits, its length
        /// (r - p) in hours for hour limits, whose clocks move by exactly that (contract §4).
        /// </summary>
        public string Moved(ClockStep end) => _limit.IsDayBased
            ? Quantity(end.CountedDays, _limit.Unit == LimitUnit.BusinessDays ? "working_days" : "days")
            : Hours(end.At - end.PausedFrom!.Value);

        /// <summary>
        /// How late <paramref name="end"/> is after <paramref name="due"/>: working days in (due date, end date] as the
        /// breach register counts them, calendar days for day limits, hours for hours.
        /// </summary>
        public string Late(Instant due, Instant end)
        {
            if (!_limit.IsDayBased)
            {
                return Hours(end - due);
            }

            var dueDate = DueDates.DateOf(due, _policy.TimeZone);
            var endDate = DueDates.DateOf(end, _policy.TimeZone);
            var days = Period.DaysBetween(dueDate, endDate);
            if (_limit.Unit != LimitUnit.BusinessDays)
            {
                return Quantity(days, "days");
            }

            var working = _policy.Calendar.CountWorkingDays(dueDate, endDate);
            return working > 0 ? Quantity(working, "working_days") : Say("why.no_working_day", Quantity(days, "days"));
        }

        /// <summary>For working-day limits: the holidays (by their name in the calendar file) and weekend days between the start's date and the due date.</summary>
        public string Skipped(Instant start, Instant due)
        {
            if (_limit.Unit != LimitUnit.BusinessDays)
            {
                return string.Empty;
            }

            var holidays = new List<string>();
            var weekend = 0;
            var calendar = _policy.Calendar;
            for (var d = DueDates.DateOf(start, _policy.TimeZone).PlusDays(1); d <= DueDates.DateOf(due, _policy.TimeZone); d = d.PlusDays(1))
            {
                if (!calendar.WorkingDays.Contains(d.DayOfWeek))
                {
                    weekend++;
                }
                else if (calendar.Holidays.Contains(d))
                {
                    holidays.Add($"{calendar.HolidayName(d) ?? Text("why.a_holiday")} ({_day.Format(d)})");
                }
            }

            if (weekend > 0)
            {
                holidays.Add(Quantity(weekend, "weekend_days"));
            }

            return holidays.Count switch
            {
                0 => Say("why.skipped.none"),
                1 when weekend > 0 => Say("why.skipped.weekend_only", holidays[0]),
                1 => Say("why.skipped.one", holidays[0]),
                _ => Say("why.skipped.many", string.Join(", ", holidays[..^1]), holidays[^1]),
            };
        }

        /// <summary>"1 working day", "3 working days": the unit's key, <c>.one</c> for one.</summary>
        private string Quantity(long n, string unit) => Say(n == 1 ? $"why.{unit}.one" : $"why.{unit}", Number(n));

        /// <summary>Hours to one decimal in the language's digits: "1 hour", "2.5 hours".</summary>
        private string Hours(Duration length)
        {
            var one = length.TotalHours.ToString("0.#", CultureInfo.InvariantCulture) == "1";
            return Say(one ? "why.hours.one" : "why.hours", length.TotalHours.ToString("0.#", _texts.Culture));
        }

        /// <summary>A key's text; a key missing from a language is a programming error the key test catches first.</summary>
        private string Text(string key) =>
            _texts.All.TryGetValue(key, out var text) ? text : throw new KeyNotFoundException($"The texts have no key '{key}'.");
    }
}
