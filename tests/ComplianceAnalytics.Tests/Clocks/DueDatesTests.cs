using ComplianceAnalytics.Clocks;
using ComplianceAnalytics.Policies;
using NodaTime;
using static ComplianceAnalytics.Tests.Clocks.ClockFixtures;

namespace ComplianceAnalytics.Tests.Clocks;

public class DueDatesTests
{
    private static Instant Due(string start, string limit) =>
        DueDates.Due(At(start), TimeLimit.Parse(limit), London, England2026);

    [Theory]
    // Spring forward (2026-03-29 01:00Z): 24 hours are 24 elapsed hours, 13:00 BST the next day.
    [InlineData("2026-03-28T12:00:00Z", "24 hours", "2026-03-29T12:00:00Z")]
    [InlineData("2026-03-29T00:30:00Z", "1 hour", "2026-03-29T01:30:00Z")]
    // Fall back (2026-10-25 01:00Z): 11:00 GMT the next day.
    [InlineData("2026-10-24T12:00:00+01:00", "24 hours", "2026-10-25T11:00:00Z")]
    public void Hour_limits_are_exact_elapsed_time_across_DST(string start, string limit, string expected) =>
        Assert.Equal(At(expected), Due(start, limit));

    [Theory]
    // In BST the last microsecond of the local day is 22:59:59.999999Z.
    [InlineData("2026-04-10T10:00:00+01:00", "5 days", "2026-04-15T22:59:59.999999Z")]
    // In GMT it is 23:59:59.999999Z.
    [InlineData("2026-01-05T10:00:00Z", "5 days", "2026-01-10T23:59:59.999999Z")]
    // Across spring forward and fall back the due date's own offset applies.
    [InlineData("2026-03-27T10:00:00Z", "2 days", "2026-03-29T22:59:59.999999Z")]
    [InlineData("2026-10-24T10:00:00+01:00", "1 day", "2026-10-25T23:59:59.999999Z")]
    // d(s) is local: 23:30Z on 28 March is still 28 March in GMT; 23:30Z on 4 April is 5 April in BST.
    [InlineData("2026-03-28T23:30:00Z", "1 day", "2026-03-29T22:59:59.999999Z")]
    [InlineData("2026-04-04T23:30:00Z", "1 day", "2026-04-06T22:59:59.999999Z")]
    public void Day_limits_end_on_the_last_microsecond_of_the_local_due_date(string start, string limit, string expected) =>
        Assert.Equal(At(expected), Due(start, limit));

    [Theory]
    [InlineData("2026-01-09T15:00:00Z", "2026-01-13T23:59:59.999999Z")] // Friday
    [InlineData("2026-01-10T15:00:00Z", "2026-01-13T23:59:59.999999Z")] // Saturday
    [InlineData("2026-01-11T15:00:00Z", "2026-01-13T23:59:59.999999Z")] // Sunday
    [InlineData("2026-01-12T15:00:00Z", "2026-01-14T23:59:59.999999Z")] // Monday: the receipt day never counts
    public void Business_days_from_a_weekend_receipt_count_from_the_next_working_day(string start, string expected) =>
        Assert.Equal(At(expected), Due(start, "2 business_days"));

    [Fact]
    public void Business_days_from_a_receipt_on_a_holiday_skip_the_holiday() =>
        Assert.Equal(At("2026-05-05T22:59:59.999999Z"), Due("2026-05-04T09:00:00+01:00", "1 business_day"));

    [Theory]
    // Thursday before Easter: Good Friday, the weekend and Easter Monday do not count.
    [InlineData("2026-04-02T09:00:00+01:00", "2 business_days", "2026-04-08T22:59:59.999999Z")]
    // Christmas Eve: 25 December and the substitute Boxing Day 28 December do not count.
    [InlineData("2026-12-24T09:00:00Z", "2 business_days", "2026-12-30T23:59:59.999999Z")]
    public void Business_days_skip_bank_holidays(string start, string limit, string expected) =>
        Assert.Equal(At(expected), Due(start, limit));

    [Fact]
    public void Weeks_are_seven_calendar_days_each() =>
        Assert.Equal(At("2026-04-27T22:59:59.999999Z"), Due("2026-03-02T09:00:00Z", "8 weeks"));

    [Fact]
    public void End_of_day_before_a_day_that_does_not_start_at_midnight()
    {
        // São Paulo sprang forward at midnight on 2018-11-04: that day began at 01:00 -02:00 (03:00Z).
        var saoPaulo = DateTimeZoneProviders.Tzdb["America/Sao_Paulo"];
        Assert.Equal(At("2018-11-04T02:59:59.999999Z"), DueDates.EndOfDay(new LocalDate(2018, 11, 3), saoPaulo));
    }

    [Theory]
    [InlineData("2026-01-07", "2026-01-09", "10 business_days", 2)]
    [InlineData("2026-01-09", "2026-01-11", "10 business_days", 0)] // Friday to Sunday
    [InlineData("2026-01-09", "2026-01-12", "10 business_days", 1)]
    [InlineData("2026-04-02", "2026-04-07", "10 business_days", 1)] // over Easter
    [InlineData("2026-01-09", "2026-01-12", "28 days", 3)]
    [InlineData("2026-01-09", "2026-01-09", "4 weeks", 0)]
    public void Counted_days_are_those_in_the_half_open_interval(string paused, string resumed, string limit, int expected) =>
        Assert.Equal(expected, DueDates.CountedDays(Date(paused), Date(resumed), TimeLimit.Parse(limit), England2026));

    [Theory]
    [InlineData("2026-01-19", 2, "10 business_days", "2026-01-21")]
    [InlineData("2026-01-24", 1, "10 business_days", "2026-01-26")] // from a Saturday (an extended due date)
    [InlineData("2026-04-02", 1, "10 business_days", "2026-04-07")]
    [InlineData("2026-04-02", 1, "28 days", "2026-04-03")]
    [InlineData("2026-01-19", 0, "10 business_days", "2026-01-19")]
    public void Shift_moves_the_due_date_to_the_kth_counted_day_after_it(string due, int k, string limit, string expected) =>
        Assert.Equal(Date(expected), DueDates.ShiftDueDate(Date(due), k, TimeLimit.Parse(limit), England2026));
}
