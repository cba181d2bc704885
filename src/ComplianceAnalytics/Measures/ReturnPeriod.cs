using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace ComplianceAnalytics.Measures;

/// <summary>
/// The period of a complaints return (contract §7): a half-year <c>YYYY-H1</c> (1 January – 30 June),
/// <c>YYYY-H2</c> (1 July – 31 December), or a month <c>YYYY-MM</c>; local dates in each org's zone.
/// </summary>
public sealed partial record ReturnPeriod(string Text, LocalDate FirstDay, LocalDate EndDay)
{
    /// <summary>The first instant of the period in <paramref name="zone"/>.</summary>
    public Instant Start(DateTimeZone zone) => zone.AtStartOfDay(FirstDay).ToInstant();

    /// <summary>The first instant after the period in <paramref name="zone"/>: the return's as-of.</summary>
    public Instant End(DateTimeZone zone) => zone.AtStartOfDay(EndDay).ToInstant();

    /// <summary>Whether the period is a half-year (<c>YYYY-H1</c>/<c>H2</c>) rather than a month.</summary>
    public bool IsHalfYear => Text.Contains('H', StringComparison.Ordinal);

    /// <summary>Parses <c>YYYY-H1</c>, <c>YYYY-H2</c> or <c>YYYY-MM</c>; anything else throws a <see cref="FormatException"/>.</summary>
    public static ReturnPeriod Parse(string text)
    {
        var match = Form().Match(text ?? string.Empty);
        if (!match.Success)
        {
            throw new FormatException($"'{text}' is not a period of the form YYYY-H1, YYYY-H2 or YYYY-MM.");
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (match.Groups["half"].Success)
        {
            var first = new LocalDate(year, match.Groups["half"].Value == "1" ? 1 : 7, 1);
            return new ReturnPeriod(text!, first, first.PlusMonths(6));
        }

        var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
        var day = new LocalDate(year, month, 1);
        return new ReturnPeriod(text!, day, day.PlusMonths(1));
    }

    /// <summary>The half-year that contains <paramref name="date"/>.</summary>
    public static ReturnPeriod HalfYearOf(LocalDate date) =>
        Parse(string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}-H{(date.Month <= 6 ? 1 : 2)}"));

    [GeneratedRegex(@"^(?<year>\d{4})-(?:H(?<half>[12])|(?<month>0[1-9]|1[0-2]))$", RegexOptions.CultureInvariant)]
    private static partial Regex Form();
}
