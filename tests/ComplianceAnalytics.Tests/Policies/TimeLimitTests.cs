using ComplianceAnalytics.Policies;

namespace ComplianceAnalytics.Tests.Policies;

public class TimeLimitTests
{
    [Theory]
    [InlineData("24 hours", 24, LimitUnit.Hours, "24 hours")]
    [InlineData("1 hour", 1, LimitUnit.Hours, "1 hours")]
    [InlineData("14 days", 14, LimitUnit.Days, "14 days")]
    [InlineData("1 day", 1, LimitUnit.Days, "1 days")]
    [InlineData("10 business_days", 10, LimitUnit.BusinessDays, "10 business_days")]
    [InlineData("1 business_day", 1, LimitUnit.BusinessDays, "1 business_days")]
    [InlineData("8 weeks", 8, LimitUnit.Weeks, "8 weeks")]
    [InlineData("1 week", 1, LimitUnit.Weeks, "1 weeks")]
    [InlineData("  2   business_days ", 2, LimitUnit.BusinessDays, "2 business_days")]
    public void Parses_the_units_of_section_3(string text, int amount, LimitUnit unit, string canonical)
    {
        var limit = TimeLimit.Parse(text);
        Assert.Equal(new TimeLimit(amount, unit), limit);
        Assert.Equal(canonical, limit.ToString());
        Assert.Equal(unit != LimitUnit.Hours, limit.IsDayBased);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("10")]
    [InlineData("0 days")]
    [InlineData("-1 days")]
    [InlineData("+1 days")]
    [InlineData("1.5 days")]
    [InlineData("10 workdays")]
    [InlineData("10 Days")]
    [InlineData("10 business days")]
    [InlineData("ten days")]
    public void Rejects_anything_else(string? text)
    {
        Assert.False(TimeLimit.TryParse(text, out _, out var error));
        Assert.NotEmpty(error);
        Assert.Throws<FormatException>(() => TimeLimit.Parse(text!));
    }
}
