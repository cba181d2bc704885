using ComplianceAnalytics.Policies;
using NodaTime;

namespace ComplianceAnalytics.Clocks;

/// <summary>Due times of time limits and their shift by pauses (contract §4 Due, Pauses).</summary>
public static class DueDates
{
    /// <summary>One microsecond, the precision of every instant the contract compares.</summary>
    public static readonly Duration Microsecond = Duration.FromTicks(10);

    /// <summary>
    /// The due time of <paramref name="limit"/> from <paramref name="start"/>: exact elapsed time for
    /// hours, otherwise the end of the due date in <paramref name="zone"/>.
    /// </summary>
    public static Instant Due(Instant start, TimeLimit limit, DateTimeZone zone, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(calendar);
        if (!limit.IsDayBased)
        {
            return start + Duration.FromHours(limit.Amount);
        }

        var startDate = DateOf(start, zone);
        var dueDate = limit.Unit switch
        {
            LimitUnit.Days => startDate.PlusDays(limit.Amount),
            LimitUnit.Weeks => startDate.PlusDays(7 * limit.Amount),
            _ => calendar.AddWorkingDays(startDate, limit.Amount),
        };
        return EndOfDay(dueDate, zone);
    }

    /// <summary>
    /// The last microsecond of <paramref name="date"/> in <paramref name="zone"/>. Taken back from the start
    /// of the next day, because a DST change can make that day start at another time than midnight.
    /// </summary>
    public static Instant EndOfDay(LocalDate date, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return zone.AtStartOfDay(date.PlusDays(1)).ToInstant() - Microsecond;
    }

    /// <summary>The local date d(t) of <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public static LocalDate DateOf(Instant instant, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return instant.InZone(zone).Date;
    }

    /// <summary>
    /// The number of counted days in (<paramref name="pausedOn"/>, <paramref name="resumedOn"/>]: calendar days
    /// for days and weeks, working days for business days.
    /// </summary>
    public static int CountedDays(LocalDate pausedOn, LocalDate resumedOn, TimeLimit limit, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return limit.Unit == LimitUnit.BusinessDays
            ? calendar.CountWorkingDays(pausedOn, resumedOn)
            : Math.Max(0, Period.DaysBetween(pausedOn, resumedOn));
    }

    /// <summary>The <paramref name="k"/>th counted day after <paramref name="due"/> (the due date itself never counts).</summary>
    public static LocalDate ShiftDueDate(LocalDate due, int k, TimeLimit limit, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        return limit.Unit == LimitUnit.BusinessDays ? calendar.AddWorkingDays(due, k) : due.PlusDays(k);
    }

    /// <summary>
    /// <paramref name="due"/> moved later by a pause from <paramref name="pausedAt"/> to <paramref name="resumedAt"/>:
    /// by the elapsed time for hours; otherwise by the counted days in (d(p), d(r)], to the end of the new due date.
    /// </summary>
    public static Instant ShiftForPause(
        Instant due, Instant pausedAt, Instant resumedAt, TimeLimit limit, DateTimeZone zone, BusinessCalendar calendar)
    {
        if (!limit.IsDayBased)
        {
            return due + (resumedAt - pausedAt);
        }

        var k = CountedDays(DateOf(pausedAt, zone), DateOf(resumedAt, zone), limit, calendar);
        return k == 0 ? due : EndOfDay(ShiftDueDate(DateOf(due, zone), k, limit, calendar), zone);
    }
}
