using System.Collections.Frozen;
using NodaTime;

namespace ComplianceAnalytics.Policies;

/// <summary>
/// Which local dates are working days for one organisation: a weekday in its working days
/// that is not one of its holidays (contract §3).
/// </summary>
public sealed class BusinessCalendar
{
    private readonly FrozenSet<IsoDayOfWeek> _workingDays;
    private readonly FrozenSet<LocalDate> _holidays;
    private readonly Dictionary<LocalDate, string> _names = [];

    /// <summary>A calendar of the given weekdays (at least one) less the given local dates, without holiday names.</summary>
    public BusinessCalendar(IEnumerable<IsoDayOfWeek> workingDays, IEnumerable<LocalDate> holidays)
    {
        _workingDays = workingDays.ToFrozenSet();
        _holidays = holidays.ToFrozenSet();
        if (_workingDays.Count == 0)
        {
            throw new ArgumentException("A calendar needs at least one working day.", nameof(workingDays));
        }
    }

    /// <summary>A calendar of named holidays, so that a reason can say which holiday a clock skipped.</summary>
    public static BusinessCalendar Named(IEnumerable<IsoDayOfWeek> workingDays, IReadOnlyList<Holiday> holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        var calendar = new BusinessCalendar(workingDays, holidays.Select(h => h.Date));
        // A date given twice is refused by the calendar file's reader; the first name wins for code that builds one.
        foreach (var holiday in holidays)
        {
            calendar._names.TryAdd(holiday.Date, holiday.Name);
        }

        return calendar;
    }

    /// <summary>The name of the holiday on <paramref name="date"/>, when the calendar was built with names.</summary>
    public string? HolidayName(LocalDate date) => _names.GetValueOrDefault(date);

    /// <summary>The weekdays that are working days unless a holiday falls on them.</summary>
    public IReadOnlySet<IsoDayOfWeek> WorkingDays => _workingDays;

    /// <summary>The local dates that are not working days whatever their weekday.</summary>
    public IReadOnlySet<LocalDate> Holidays => _holidays;

    /// <summary>Whether <paramref name="date"/> (a local date in the organisation's zone) is a working weekday and no holiday.</summary>
    public bool IsWorkingDay(LocalDate date) => _workingDays.Contains(date.DayOfWeek) && !_holidays.Contains(date);

    /// <summary>The <paramref name="n"/>th working day after <paramref name="date"/>; the date itself never counts.</summary>
    public LocalDate AddWorkingDays(LocalDate date, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var current = date;
        for (var counted = 0; counted < n;)
        {
            current = current.PlusDays(1);
            if (IsWorkingDay(current))
            {
                counted++;
            }
        }

        return current;
    }

    /// <summary>The number of working days in the interval (<paramref name="after"/>, <paramref name="upTo"/>].</summary>
    public int CountWorkingDays(LocalDate after, LocalDate upTo)
    {
        var count = 0;
        for (var d = after.PlusDays(1); d <= upTo; d = d.PlusDays(1))
        {
            if (IsWorkingDay(d))
            {
                count++;
            }
        }

        return count;
    }
}
