using System.Globalization;
using System.Text;
using NodaTime;

namespace ComplianceAnalytics.Policies;

/// <summary>The three bank-holiday divisions of the United Kingdom, as GOV.UK publishes them.</summary>
public enum UkDivision
{
    /// <summary>England and Wales, which share one list of bank holidays.</summary>
    EnglandAndWales,
    /// <summary>Scotland: adds 2 January and St Andrew's Day, has no Easter Monday, and its summer holiday is August's first Monday.</summary>
    Scotland,
    /// <summary>Northern Ireland: England and Wales' holidays plus St Patrick's Day and the Battle of the Boyne.</summary>
    NorthernIreland,
}

/// <summary>
/// The UK bank holidays by the statutory rules (Banking and Financial Dealings Act 1971 and the
/// standing royal proclamations) plus the one-off proclamations since 2015, so that the shipped
/// calendar files can be regenerated and checked instead of typed by hand.
/// </summary>
public static class UkBankHolidays
{
    private const string SubstituteSuffix = " (substitute day)";

    /// <summary>Every division, in GOV.UK's order, for generating and checking each shipped calendar file.</summary>
    internal static IReadOnlyList<UkDivision> Divisions { get; } =
        [UkDivision.EnglandAndWales, UkDivision.Scotland, UkDivision.NorthernIreland];

    /// <summary>The calendar name, which is also the file name under <c>calendars/</c>.</summary>
    public static string CalendarName(UkDivision division) => division switch
    {
        UkDivision.EnglandAndWales => "england-and-wales",
        UkDivision.Scotland => "scotland",
        UkDivision.NorthernIreland => "northern-ireland",
        _ => throw new ArgumentOutOfRangeException(nameof(division), division, null),
    };

    /// <summary>The bank holidays of <paramref name="division"/> from 1 January of the first year to 31 December of the last, sorted by date.</summary>
    public static IReadOnlyList<Holiday> Generate(UkDivision division, int firstYear, int lastYear)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstYear, lastYear);
        var all = new List<Holiday>();
        for (var year = firstYear; year <= lastYear; year++)
        {
            all.AddRange(ForYear(division, year));
        }

        return [.. all.OrderBy(h => h.Date)];
    }

    /// <summary>The calendar file text: header <c>date,name</c>, one row per holiday, LF line ends.</summary>
    public static string ToCsv(IEnumerable<Holiday> holidays)
    {
        var text = new StringBuilder("date,name\n");
        foreach (var holiday in holidays)
        {
            // Names are generated here and contain no comma or quote, so no CSV quoting is needed.
            text.Append(holiday.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                .Append(',')
                .Append(holiday.Name)
                .Append('\n');
        }

        return text.ToString();
    }

    private static List<Holiday> ForYear(UkDivision division, int year)
    {
        var days = new List<Holiday>();
        if (division == UkDivision.Scotland)
        {
            AddWithSubstitutes(days, [new(new LocalDate(year, 1, 1), "New Year's Day"), new(new LocalDate(year, 1, 2), "2nd January")]);
        }
        else
        {
            AddWithSubstitutes(days, [new(new LocalDate(year, 1, 1), "New Year's Day")]);
        }

        if (division == UkDivision.NorthernIreland)
        {
            AddWithSubstitutes(days, [new(new LocalDate(year, 3, 17), "St Patrick's Day")]);
        }

        var easter = EasterSunday(year);
        days.Add(new(easter.PlusDays(-2), "Good Friday"));
        if (division != UkDivision.Scotland)
        {
            days.Add(new(easter.PlusDays(1), "Easter Monday"));
        }

        days.Add(year == 2020
            ? new(new LocalDate(2020, 5, 8), "Early May bank holiday (VE day)")
            : new(FirstMonday(year, 5), "Early May bank holiday"));
        if (year == 2022)
        {
            days.Add(new(new LocalDate(2022, 6, 2), "Spring bank holiday"));
            days.Add(new(new LocalDate(2022, 6, 3), "Platinum Jubilee bank holiday"));
        }
        else
        {
            days.Add(new(LastMonday(year, 5), "Spring bank holiday"));
        }

        if (year == 2023)
        {
            days.Add(new(new LocalDate(2023, 5, 8), "Bank holiday for the coronation of King Charles III"));
        }

        if (division == UkDivision.NorthernIreland)
        {
            AddWithSubstitutes(days, [new(new LocalDate(year, 7, 12), "Battle of the Boyne (Orangemen's Day)")]);
        }

        days.Add(new(division == UkDivision.Scotland ? FirstMonday(year, 8) : LastMonday(year, 8), "Summer bank holiday"));
        if (year == 2022)
        {
            days.Add(new(new LocalDate(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II"));
        }

        if (division == UkDivision.Scotland)
        {
            AddWithSubstitutes(days, [new(new LocalDate(year, 11, 30), "St Andrew's Day")]);
        }

        AddWithSubstitutes(days, [new(new LocalDate(year, 12, 25), "Christmas Day"), new(new LocalDate(year, 12, 26), "Boxing Day")]);
        return days;
    }

    /// <summary>
    /// Adds a run of fixed-date holidays; each one on a weekend moves to the first weekday after
    /// it that the run does not already hold. That one rule gives the published 27/28 December
    /// and 3/4 January substitutes: with Christmas on a Sunday, Boxing Day keeps Monday 26 and
    /// Christmas moves to Tuesday 27.
    /// </summary>
    private static void AddWithSubstitutes(List<Holiday> days, Holiday[] run)
    {
        var taken = run.Where(h => !IsWeekend(h.Date)).Select(h => h.Date).ToHashSet();
        foreach (var holiday in run)
        {
            if (!IsWeekend(holiday.Date))
            {
                days.Add(holiday);
                continue;
            }

            var substitute = holiday.Date.PlusDays(1);
            while (IsWeekend(substitute) || taken.Contains(substitute))
            {
                substitute = substitute.PlusDays(1);
            }

            taken.Add(substitute);
            days.Add(new(substitute, holiday.Name + SubstituteSuffix));
        }
    }

    private static bool IsWeekend(LocalDate date) => date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;

    private static LocalDate FirstMonday(int year, int month)
    {
        var first = new LocalDate(year, month, 1);
        return first.DayOfWeek == IsoDayOfWeek.Monday ? first : first.Next(IsoDayOfWeek.Monday);
    }

    private static LocalDate LastMonday(int year, int month)
    {
        var firstOfNext = new LocalDate(year, month, 1).PlusMonths(1);
        return firstOfNext.Previous(IsoDayOfWeek.Monday);
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus).</summary>
    private static LocalDate EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new LocalDate(year, month, day);
    }
}
