using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace ComplianceAnalytics.Policies;

/// <summary>Reads a calendar file <c>calendars/&lt;name&gt;.csv</c> (contract §3): header <c>date,name</c>, one holiday per row.</summary>
internal static class HolidayCalendarFile
{
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;

    /// <summary>
    /// Parses the calendar text; every bad row is added to <paramref name="errors"/> with its
    /// 1-based line number, and the rows that parse are returned either way.
    /// </summary>
    public static IReadOnlyList<Holiday> Parse(string text, string file, ICollection<PolicyError> errors)
    {
        var holidays = new List<Holiday>();
        var seen = new Dictionary<LocalDate, int>();
        var lines = text.TrimStart('\uFEFF').Split('\n');
        if (lines[0].TrimEnd('\r') != "date,name")
        {
            errors.Add(new PolicyError(file, "line 1", $"header is '{lines[0].TrimEnd('\r')}'; expected 'date,name'"));
            return holidays;
        }

        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var where = $"line {(i + 1).ToString(CultureInfo.InvariantCulture)}";
            if (line.Length == 0)
            {
                // Blank lines (the final newline, a spacer) hold no holiday.
                continue;
            }

            var comma = line.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0)
            {
                errors.Add(new PolicyError(file, where, $"'{line}' is not of the form 'date,name'"));
                continue;
            }

            var dateText = line[..comma].Trim();
            var name = Unquote(line[(comma + 1)..].Trim());
            var parsed = DatePattern.Parse(dateText);
            if (!parsed.Success)
            {
                errors.Add(new PolicyError(file, where, $"'{dateText}' is not a date (yyyy-MM-dd)"));
                continue;
            }

            if (name.Length == 0)
            {
                errors.Add(new PolicyError(file, where, $"the holiday on {dateText} has no name"));
                continue;
            }

            if (seen.TryGetValue(parsed.Value, out var firstLine))
            {
                errors.Add(new PolicyError(file, where, $"{dateText} is already listed on line {firstLine.ToString(CultureInfo.InvariantCulture)}"));
                continue;
            }

            seen.Add(parsed.Value, i + 1);
            holidays.Add(new Holiday(parsed.Value, name));
        }

        return holidays;
    }

    /// <summary>A name may be RFC 4180 quoted, e.g. when it holds a comma.</summary>
    private static string Unquote(string field) =>
        field.Length >= 2 && field[0] == '"' && field[^1] == '"'
            ? field[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal)
            : field;
}
