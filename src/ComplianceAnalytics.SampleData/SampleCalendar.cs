using ComplianceAnalytics.Policies;
using NodaTime;

namespace ComplianceAnalytics.SampleData;

/// <summary>
/// The working days the simulated complaint handlers keep: Monday to Friday without the
/// England and Wales bank holidays. Computed from the rules rather than read from a
/// calendar file so that the generator runs for any start date without other inputs;
/// one-off holidays (coronations, jubilees) are deliberately absent.
/// </summary>
internal static class SampleCalendar
{
    private static readonly IsoDayOfWeek[] Weekdays =
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday];

    public static BusinessCalendar EnglandAndWales(int firstYear, int lastYear)
    {
        var holidays = new List<LocalDate>();
        for (var year = firstYear; year <= lastYear; year++)
        {
            holidays.AddRange(BankHolidays(year));
        }

        return new BusinessCalendar(Weekdays, holidays);
    }

    private static IEnumerable<LocalDate> BankHolidays(int year)
    {
        var easter = EasterSunday(year);
        yield return NextWeekday(new LocalDate(year, 1, 1));
        yield return easter.PlusDays(-2);
        yield return easter.PlusDays(1);
        yield return FirstMonday(year, 5);
        yield return LastMonday(year, 5);
        yield return LastMonday(year, 8);

        // Christmas and Boxing Day falling on a weekend move to the next free weekdays.
        var christmas = new LocalDate(year, 12, 25);
        var boxing = christmas.PlusDays(1);
        var christmasObserved = NextWeekday(christmas);
        var boxingObserved = NextWeekday(boxing);
        if (boxingObserved == christmasObserved)
        {
            boxingObserved = NextWeekday(boxingObserved.PlusDays(1));
        }

        yield return christmasObserved;
        yield return boxingObserved;
    }

    private static LocalDate NextWeekday(LocalDate date)
    {
        while (date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
        {
            date = date.PlusDays(1);
        }

        return date;
    }

    private static LocalDate FirstMonday(int year, int month)
    {
        var date = new LocalDate(year, month, 1);
        return date.DayOfWeek == IsoDayOfWeek.Monday ? date : date.Next(IsoDayOfWeek.Monday);
    }

    private static LocalDate LastMonday(int year, int month)
    {
        var date = new LocalDate(year, month, 1).PlusMonths(1).PlusDays(-1);
        return date.DayOfWeek == IsoDayOfWeek.Monday ? date : date.Previous(IsoDayOfWeek.Monday);
    }

    /// <summary>The anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
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
