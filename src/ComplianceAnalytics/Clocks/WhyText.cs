using System.Globalization;
using System.Text;
using ComplianceAnalytics.Policies;
using NodaTime;
using NodaTime.Text;

namespace ComplianceAnalytics.Clocks;

/// <summary>
/// Plain words for a stage instance, built from the <see cref="ClockStep"/>s its clock recorded while it
/// computed the instance's figures: one sentence for the instance (<see cref="Sentence"/>) and one line
/// per step (<see cref="Step"/>). Nothing here computes a due time; it only reads what the clock did.
/// </summary>
public static class WhyText
{
    private static readonly LocalDatePattern DayPattern = LocalDatePattern.Create("ddd d MMM yyyy", CultureInfo.InvariantCulture);
    private static readonly LocalDateTimePattern MinutePattern = LocalDateTimePattern.Create("ddd d MMM yyyy HH:mm", CultureInfo.InvariantCulture);
    private static readonly LocalDateTimePattern SecondPattern = LocalDateTimePattern.Create("ddd d MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>
    /// One sentence: the outcome and by how much, where the deadline came from (limit, start, holidays and
    /// weekends skipped, the dated version), then each pause and extension in the order they happened.
    /// </summary>
    public static string Sentence(StageInstance instance, IReadOnlyList<ClockStep> steps, Policy policy, Instant asOf)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(policy);
        var words = new Words(policy, instance.Limit);
        var text = new StringBuilder(Outcome(instance, steps, words, asOf));
        foreach (var clause in Clauses(instance, steps, policy, words))
        {
            text.Append("; ").Append(clause);
        }

        return text.Append('.').ToString();
    }

    /// <summary>What one step did, for <c>compliance explain</c>'s step-by-step list.</summary>
    public static string Step(ClockStep step, StageInstance instance, Policy policy)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(policy);
        var w = new Words(policy, instance.Limit);
        return step.Kind switch
        {
            ClockStepKind.Started => $"{step.EventType} starts the clock: {Amount(instance.Limit)} ({Version(instance, policy)}), due {w.Exact(step.DueAt)}",
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
        var stopWhat = stop is null ? string.Empty : Phrase(stop.EventType);
        switch (i.Status)
        {
            case StageStatus.Met:
                // Met is judged against the original deadline (contract §4), also when an extension applied.
                return $"Met: {stopWhat} on {w.When(i.StoppedAt!.Value)}, by the deadline of {w.When(i.OriginalDueAt)}";
            case StageStatus.MetExtended:
                return $"Met after an extension: {stopWhat} on {w.When(i.StoppedAt!.Value)}, after the deadline of {w.When(i.OriginalDueAt)} but by the extended one of {w.When(i.DueAt)}";
            case StageStatus.Breached:
                return $"Breached: {stopWhat} on {w.When(i.StoppedAt!.Value)}, {w.Late(i.DueAt, i.StoppedAt!.Value)} the deadline of {w.When(i.DueAt)}";
            case StageStatus.OpenBreached:
                return $"Open past its deadline at {w.When(asOf - DueDates.Microsecond)}: {w.Late(i.DueAt, asOf - DueDates.Microsecond)} the deadline of {w.When(i.DueAt)}";
            default:
                var paused = steps.Any(s => s.Kind == ClockStepKind.Resumed && s.EventType.Length == 0);
                return paused
                    ? $"Open and paused at {w.When(asOf - DueDates.Microsecond)}, so within its limit: a paused clock does not run out (due {w.When(i.DueAt)} if it resumed then)"
                    : $"Open within its limit at {w.When(asOf - DueDates.Microsecond)}: due by {w.When(i.DueAt)}";
        }
    }

    private static IEnumerable<string> Clauses(StageInstance i, IReadOnlyList<ClockStep> steps, Policy policy, Words w)
    {
        var started = steps.FirstOrDefault(s => s.Kind == ClockStepKind.Started);
        if (started is not null)
        {
            var again = i.Cycle > 1 ? $"cycle {i.Cycle.ToString(CultureInfo.InvariantCulture)}, started again by" : "started by";
            yield return $"{again} {Phrase(started.EventType)} on {w.When(started.At)} with {Amount(i.Limit)} ({Version(i, policy)}), "
                + $"first due {w.When(started.DueAt)}{w.Skipped(started.At, started.DueAt)}";
        }

        for (var n = 0; n < steps.Count; n++)
        {
            var s = steps[n];
            switch (s.Kind)
            {
                case ClockStepKind.PauseAfterDue:
                    yield return $"{Phrase(s.EventType)} on {w.When(s.At)} came after the deadline of {w.When(s.DueAt)} and paused nothing (a pause after the breach rescues nothing)";
                    break;
                case ClockStepKind.Resumed when s.EventType.Length == 0:
                    yield return $"paused since {w.When(s.PausedFrom!.Value)} ({Phrase(PauseCause(steps, n))}) and still paused";
                    break;
                case ClockStepKind.Resumed:
                    yield return $"paused {w.Moved(s)} from {w.When(s.PausedFrom!.Value)} ({Phrase(PauseCause(steps, n))}) to {w.When(s.At)} ({Phrase(s.EventType)}), deadline then {w.When(s.DueAt)}";
                    break;
                case ClockStepKind.PauseSettled:
                    yield return $"paused {w.Moved(s)} from {w.When(s.PausedFrom!.Value)} ({Phrase(PauseCause(steps, n))}) until the extension settled it on {w.When(s.At)} (the pause after it goes on)";
                    break;
                case ClockStepKind.ExtensionApplied:
                    yield return $"an extension to {w.When(s.Requested!.Value)} notified on {w.When(s.At)} was in time and applied";
                    break;
                case ClockStepKind.ExtensionNotLater:
                    yield return $"an extension to {w.When(s.Requested!.Value)} notified on {w.When(s.At)} was not later than the deadline of {w.When(s.DueAt)} and changed nothing";
                    break;
                case ClockStepKind.ExtensionLate:
                    yield return $"an extension to {w.When(s.Requested!.Value)} notified on {w.When(s.At)} came after the deadline of {w.When(s.DueAt)} and was ignored";
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>The event that began the pause ended at step <paramref name="end"/>.</summary>
    private static string PauseCause(IReadOnlyList<ClockStep> steps, int end)
    {
        for (var n = end - 1; n >= 0; n--)
        {
            if (steps[n].Kind is ClockStepKind.Paused)
            {
                return steps[n].EventType;
            }

            if (steps[n].Kind is ClockStepKind.PauseSettled)
            {
                return "the pause going on after the extension";
            }
        }

        return string.Empty;
    }

    /// <summary>The applied version of a dated limit, e.g. "the version in force from 2026-04-08"; "the only version" otherwise.</summary>
    private static string Version(StageInstance i, Policy policy)
    {
        var stage = policy.Stages.FirstOrDefault(s => string.Equals(s.Id, i.Stage, StringComparison.Ordinal));
        if (stage is null || !stage.Limit.IsDated)
        {
            return "the only version of the limit";
        }

        var startDate = DueDates.DateOf(i.StartedAt, policy.TimeZone);
        var versions = stage.Limit.Versions;
        var applied = versions.Last(v => v.From is not { } from || from <= startDate);
        return applied.From is { } since
            ? $"the version in force from {LimitSchedule.FormatDate(since)}"
            : $"the version before {LimitSchedule.FormatDate(versions.First(v => v.From is not null).From!.Value)}";
    }

    private static string Amount(TimeLimit limit) => Words.Quantity(limit.Amount, limit.Unit switch
    {
        LimitUnit.Hours => "hour",
        LimitUnit.Days => "day",
        LimitUnit.Weeks => "week",
        _ => "working day",
    });

    /// <summary>An event type in words: <c>info_requested</c> reads "info requested".</summary>
    private static string Phrase(string eventType) => eventType.Replace('_', ' ');

    /// <summary>Local times and day counts in one organisation's zone and calendar, at the precision the limit counts in.</summary>
    private sealed class Words(Policy policy, TimeLimit limit)
    {
        public static string Quantity(long n, string unit) =>
            $"{n.ToString(CultureInfo.InvariantCulture)} {unit}{(n == 1 ? string.Empty : "s")}";

        /// <summary>A date for day-based limits (their due times are ends of days), a date and time for hours.</summary>
        public string When(Instant at) => limit.IsDayBased
            ? DayPattern.Format(DueDates.DateOf(at, policy.TimeZone))
            : MinutePattern.Format(at.InZone(policy.TimeZone).LocalDateTime);

        /// <summary>Local date and time to the second, for the step-by-step list.</summary>
        public string Exact(Instant at) =>
            SecondPattern.Format(at.InZone(policy.TimeZone).LocalDateTime);

        /// <summary>
        /// How far the end of a pause moved the due times: its counted days for day limits, its length
        /// (r - p) in hours for hour limits, whose clocks move by exactly that (contract §4).
        /// </summary>
        public string Moved(ClockStep end) => limit.IsDayBased
            ? Quantity(end.CountedDays, limit.Unit == LimitUnit.BusinessDays ? "working day" : "day")
            : Hours(end.At - end.PausedFrom!.Value);

        /// <summary>Hours to one decimal: "1 hour", "2.5 hours".</summary>
        private static string Hours(Duration length)
        {
            var text = length.TotalHours.ToString("0.#", CultureInfo.InvariantCulture);
            return $"{text} hour{(text == "1" ? string.Empty : "s")}";
        }

        /// <summary>
        /// How late <paramref name="end"/> is after <paramref name="due"/>, followed by "after": working days in
        /// (due date, end date] as the breach register counts them, calendar days for day limits, hours for hours.
        /// </summary>
        public string Late(Instant due, Instant end)
        {
            if (!limit.IsDayBased)
            {
                return $"{Hours(end - due)} after";
            }

            var dueDate = DueDates.DateOf(due, policy.TimeZone);
            var endDate = DueDates.DateOf(end, policy.TimeZone);
            var days = Period.DaysBetween(dueDate, endDate);
            if (limit.Unit != LimitUnit.BusinessDays)
            {
                return $"{Quantity(days, "day")} after";
            }

            var working = policy.Calendar.CountWorkingDays(dueDate, endDate);
            return working > 0 ? $"{Quantity(working, "working day")} after" : $"{Quantity(days, "day")} (no working day) after";
        }

        /// <summary>For working-day limits: the holidays (by name) and weekend days between the start's date and the due date.</summary>
        public string Skipped(Instant start, Instant due)
        {
            if (limit.Unit != LimitUnit.BusinessDays)
            {
                return string.Empty;
            }

            var holidays = new List<string>();
            var weekend = 0;
            var calendar = policy.Calendar;
            for (var d = DueDates.DateOf(start, policy.TimeZone).PlusDays(1); d <= DueDates.DateOf(due, policy.TimeZone); d = d.PlusDays(1))
            {
                if (!calendar.WorkingDays.Contains(d.DayOfWeek))
                {
                    weekend++;
                }
                else if (calendar.Holidays.Contains(d))
                {
                    holidays.Add($"{calendar.HolidayName(d) ?? "a holiday"} ({DayPattern.Format(d)})");
                }
            }

            if (weekend > 0)
            {
                holidays.Add(Quantity(weekend, "weekend day"));
            }

            return holidays.Count switch
            {
                0 => ", with no holiday or weekend day in between",
                1 when weekend > 0 => $", skipping no holidays and {holidays[0]}",
                1 => $", skipping {holidays[0]}",
                _ => $", skipping {string.Join(", ", holidays[..^1])} and {holidays[^1]}",
            };
        }
    }
}
