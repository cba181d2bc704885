using ComplianceAnalytics.Policies;
using NodaTime;

namespace ComplianceAnalytics.Tests.Policies;

public class BusinessCalendarTests
{
    private static readonly BusinessCalendar EnglandAndWales = new(
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday],
        UkBankHolidays.Generate(UkDivision.EnglandAndWales, 2015, 2030).Select(h => h.Date));

    [Theory]
    [InlineData(2026, 4, 2, 1, 2026, 4, 7)] // Thu before Easter: Good Friday, weekend, Easter Monday skipped
    [InlineData(2026, 4, 2, 2, 2026, 4, 8)]
    [InlineData(2026, 4, 3, 1, 2026, 4, 7)] // from the holiday itself: the start date never counts
    [InlineData(2026, 4, 4, 0, 2026, 4, 4)]
    [InlineData(2026, 12, 24, 1, 2026, 12, 29)] // Christmas Fri, Boxing Day substitute Mon 28
    [InlineData(2022, 5, 31, 2, 2022, 6, 6)] // Jubilee Thu 2 and Fri 3 June 2022
    [InlineData(2026, 3, 2, 10, 2026, 3, 16)] // an ordinary fortnight
    public void Adds_working_days_over_bank_holidays(int y, int m, int d, int n, int ey, int em, int ed) =>
        Assert.Equal(new LocalDate(ey, em, ed), EnglandAndWales.AddWorkingDays(new LocalDate(y, m, d), n));

    [Theory]
    [InlineData(2026, 4, 2, 2026, 4, 7, 1)] // (Thu 2, Tue 7]: only Tue 7 counts
    [InlineData(2026, 4, 2, 2026, 4, 6, 0)]
    [InlineData(2026, 4, 1, 2026, 4, 2, 1)] // the upper bound counts
    [InlineData(2026, 4, 7, 2026, 4, 2, 0)] // an empty interval
    [InlineData(2026, 12, 24, 2027, 1, 4, 4)] // 29, 30, 31 Dec and 4 Jan (1 Jan a holiday, then a weekend)
    public void Counts_working_days_in_a_half_open_interval(int y, int m, int d, int ty, int tm, int td, int expected) =>
        Assert.Equal(expected, EnglandAndWales.CountWorkingDays(new LocalDate(y, m, d), new LocalDate(ty, tm, td)));

    [Fact]
    public void Holidays_are_not_working_days()
    {
        Assert.False(EnglandAndWales.IsWorkingDay(new LocalDate(2026, 4, 3)));
        Assert.False(EnglandAndWales.IsWorkingDay(new LocalDate(2026, 4, 4)));
        Assert.True(EnglandAndWales.IsWorkingDay(new LocalDate(2026, 4, 7)));
    }
}
