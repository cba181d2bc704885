using System.Globalization;
using ComplianceAnalytics.Policies;
using NodaTime;
using NodaTime.Text;

namespace ComplianceAnalytics.Tests.Policies;

public class UkBankHolidaysTests
{
    private const int FirstYear = 2015;
    private const int LastYear = 2030;

    // Each date checked by hand against GOV.UK's lists and a day-of-week computation
    // (`date -d`), noted in the comment after the date.
    [Theory]
    [InlineData("england-and-wales", "2015-12-25", "Christmas Day")] // Fri
    [InlineData("england-and-wales", "2015-12-28", "Boxing Day (substitute day)")] // 26th a Sat
    [InlineData("england-and-wales", "2016-12-26", "Boxing Day")] // Christmas a Sun
    [InlineData("england-and-wales", "2016-12-27", "Christmas Day (substitute day)")]
    [InlineData("england-and-wales", "2017-01-02", "New Year's Day (substitute day)")] // 1 Jan a Sun
    [InlineData("england-and-wales", "2020-05-08", "Early May bank holiday (VE day)")] // Fri
    [InlineData("england-and-wales", "2020-12-28", "Boxing Day (substitute day)")] // Christmas a Fri
    [InlineData("england-and-wales", "2021-12-27", "Christmas Day (substitute day)")] // Christmas a Sat
    [InlineData("england-and-wales", "2021-12-28", "Boxing Day (substitute day)")]
    [InlineData("england-and-wales", "2022-01-03", "New Year's Day (substitute day)")] // 1 Jan a Sat
    [InlineData("england-and-wales", "2022-06-02", "Spring bank holiday")] // Thu
    [InlineData("england-and-wales", "2022-06-03", "Platinum Jubilee bank holiday")] // Fri
    [InlineData("england-and-wales", "2022-09-19", "Bank Holiday for the State Funeral of Queen Elizabeth II")] // Mon
    [InlineData("england-and-wales", "2022-12-26", "Boxing Day")] // Christmas a Sun
    [InlineData("england-and-wales", "2022-12-27", "Christmas Day (substitute day)")]
    [InlineData("england-and-wales", "2023-05-08", "Bank holiday for the coronation of King Charles III")]
    [InlineData("england-and-wales", "2024-03-29", "Good Friday")] // Easter 31 Mar 2024
    [InlineData("england-and-wales", "2025-04-21", "Easter Monday")] // Easter 20 Apr 2025
    [InlineData("england-and-wales", "2026-04-03", "Good Friday")] // Easter 5 Apr 2026
    [InlineData("england-and-wales", "2026-05-25", "Spring bank holiday")] // last Mon of May
    [InlineData("england-and-wales", "2026-08-31", "Summer bank holiday")] // last Mon of Aug
    [InlineData("england-and-wales", "2026-12-28", "Boxing Day (substitute day)")] // Christmas a Fri
    [InlineData("england-and-wales", "2027-12-27", "Christmas Day (substitute day)")] // Christmas a Sat
    [InlineData("england-and-wales", "2027-12-28", "Boxing Day (substitute day)")]
    [InlineData("scotland", "2021-01-04", "2nd January (substitute day)")] // 2 Jan a Sat
    [InlineData("scotland", "2022-01-03", "New Year's Day (substitute day)")] // 1 Jan a Sat
    [InlineData("scotland", "2022-01-04", "2nd January (substitute day)")] // 2 Jan a Sun
    [InlineData("scotland", "2023-01-02", "2nd January")] // 1 Jan a Sun, 2 Jan a Mon
    [InlineData("scotland", "2023-01-03", "New Year's Day (substitute day)")]
    [InlineData("scotland", "2019-12-02", "St Andrew's Day (substitute day)")] // 30 Nov a Sat
    [InlineData("scotland", "2021-11-30", "St Andrew's Day")] // Tue, no substitute
    [InlineData("scotland", "2025-12-01", "St Andrew's Day (substitute day)")] // 30 Nov a Sun
    [InlineData("scotland", "2026-08-03", "Summer bank holiday")] // first Mon of Aug
    [InlineData("scotland", "2022-06-03", "Platinum Jubilee bank holiday")]
    [InlineData("northern-ireland", "2019-03-18", "St Patrick's Day (substitute day)")] // 17 Mar a Sun
    [InlineData("northern-ireland", "2024-03-18", "St Patrick's Day (substitute day)")] // 17 Mar a Sun
    [InlineData("northern-ireland", "2025-03-17", "St Patrick's Day")] // Mon
    [InlineData("northern-ireland", "2020-07-13", "Battle of the Boyne (Orangemen's Day) (substitute day)")] // 12 Jul a Sun
    [InlineData("northern-ireland", "2025-07-14", "Battle of the Boyne (Orangemen's Day) (substitute day)")] // 12 Jul a Sat
    [InlineData("northern-ireland", "2026-07-13", "Battle of the Boyne (Orangemen's Day) (substitute day)")] // 12 Jul a Sun
    [InlineData("northern-ireland", "2026-08-31", "Summer bank holiday")]
    [InlineData("northern-ireland", "2023-05-08", "Bank holiday for the coronation of King Charles III")]
    public void Generator_holds_the_published_day(string calendar, string date, string name)
    {
        var day = LocalDatePattern.Iso.Parse(date).Value;
        var holidays = UkBankHolidays.Generate(Division(calendar), day.Year, day.Year);
        Assert.Contains(new Holiday(day, name), holidays);
    }

    [Theory]
    [InlineData("england-and-wales", "2020-05-04")] // the VE day move replaced the Monday
    [InlineData("england-and-wales", "2022-05-30")] // the Spring bank holiday moved to 2 June
    [InlineData("england-and-wales", "2026-08-03")] // first Monday of August is Scottish only
    [InlineData("england-and-wales", "2026-03-17")] // St Patrick's Day is Northern Irish only
    [InlineData("scotland", "2026-04-06")] // no Easter Monday in Scotland
    [InlineData("scotland", "2026-08-31")] // Scottish summer holiday is the first Monday
    [InlineData("scotland", "2021-11-29")] // St Andrew's Day 2021 was a Tuesday: no substitute
    [InlineData("northern-ireland", "2025-07-12")] // a Saturday: the substitute is the Monday
    [InlineData("northern-ireland", "2026-01-02")] // 2 January is Scottish only
    public void Generator_does_not_hold(string calendar, string date)
    {
        var day = LocalDatePattern.Iso.Parse(date).Value;
        var holidays = UkBankHolidays.Generate(Division(calendar), day.Year, day.Year);
        Assert.DoesNotContain(holidays, h => h.Date == day);
    }

    [Theory]
    [InlineData("england-and-wales", 8)]
    [InlineData("scotland", 9)]
    [InlineData("northern-ireland", 10)]
    public void Each_year_has_the_expected_number_of_days(string calendar, int normal)
    {
        var holidays = UkBankHolidays.Generate(Division(calendar), FirstYear, LastYear);
        for (var year = FirstYear; year <= LastYear; year++)
        {
            // 2022: Platinum Jubilee and the State Funeral; 2023: the Coronation.
            // 2020's VE day moved the Early May holiday rather than adding one.
            var expected = normal + year switch { 2022 => 2, 2023 => 1, _ => 0 };
            Assert.True(
                expected == holidays.Count(h => h.Date.Year == year),
                string.Create(CultureInfo.InvariantCulture, $"{calendar} {year}: expected {expected} days"));
        }
    }

    [Fact]
    public void No_day_falls_on_a_weekend_and_none_is_listed_twice()
    {
        foreach (var division in UkBankHolidays.Divisions)
        {
            var holidays = UkBankHolidays.Generate(division, FirstYear, LastYear);
            Assert.DoesNotContain(holidays, h => h.Date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday);
            Assert.Equal(holidays.Count, holidays.Select(h => h.Date).Distinct().Count());
            Assert.Equal(holidays.OrderBy(h => h.Date), holidays);
        }
    }

    [Fact]
    public void Committed_calendar_files_equal_the_generator_output()
    {
        var stale = new List<string>();
        foreach (var division in UkBankHolidays.Divisions)
        {
            var name = UkBankHolidays.CalendarName(division);
            var expected = UkBankHolidays.ToCsv(UkBankHolidays.Generate(division, FirstYear, LastYear));
            var committed = Path.Combine(RepositoryPaths.Policies, "calendars", name + ".csv");
            var actual = File.Exists(committed) ? File.ReadAllText(committed) : string.Empty;
            if (actual != expected)
            {
                // Leave the generator's output beside the test binaries, to copy over the committed file.
                var fresh = Path.Combine(AppContext.BaseDirectory, name + ".csv");
                File.WriteAllText(fresh, expected);
                stale.Add($"{committed} differs from the generator; its output is in {fresh}");
            }
        }

        Assert.Empty(stale);
    }

    [Fact]
    public void Committed_calendar_files_load_as_calendars()
    {
        var errors = new List<PolicyError>();
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Policies, "calendars", "scotland.csv"));
        var holidays = HolidayCalendarFile.Parse(text, "calendars/scotland.csv", errors);
        Assert.Empty(errors);
        Assert.Equal(UkBankHolidays.Generate(UkDivision.Scotland, FirstYear, LastYear), holidays);
    }

    private static UkDivision Division(string calendar) =>
        UkBankHolidays.Divisions.Single(d => UkBankHolidays.CalendarName(d) == calendar);
}
