using System.Globalization;
using ComplianceAnalytics.Yaml;
using NodaTime;
using YamlDotNet.RepresentationModel;

namespace ComplianceAnalytics.Policies;

/// <summary>A policy's calendar fields: time zone, working days, holidays, and its language.</summary>
internal sealed partial class PolicyYamlReader
{
    private static readonly Dictionary<string, IsoDayOfWeek> DayNames = new(StringComparer.Ordinal)
    {
        ["mon"] = IsoDayOfWeek.Monday,
        ["tue"] = IsoDayOfWeek.Tuesday,
        ["wed"] = IsoDayOfWeek.Wednesday,
        ["thu"] = IsoDayOfWeek.Thursday,
        ["fri"] = IsoDayOfWeek.Friday,
        ["sat"] = IsoDayOfWeek.Saturday,
        ["sun"] = IsoDayOfWeek.Sunday,
    };

    /// <summary>The §3 name of a weekday, e.g. <c>mon</c>.</summary>
    public static string DayName(IsoDayOfWeek day) => DayNames.First(pair => pair.Value == day).Key;

    private static readonly IsoDayOfWeek[] DefaultWorkingDays =
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday];

    /// <summary>
    /// A language code of two or three lower-case letters (<c>sv</c>); whether its pack texts exist is
    /// checked where the texts are (ReportTexts), which this layer does not know.
    /// </summary>
    private string? Language(YamlMappingNode root)
    {
        var language = OptionalText(root, "language", "language");
        if (language is not null && !System.Text.RegularExpressions.Regex.IsMatch(language, "^[a-z]{2,3}$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            Error("language", $"'{language}' is not a language code such as en or sv", root.ValueMark("language"));
            return null;
        }

        return language;
    }

    private DateTimeZone? TimeZone(YamlMappingNode root)
    {
        var id = RequiredText(root, "time_zone", "time_zone");
        if (id is null)
        {
            return null;
        }

        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);
        if (zone is null)
        {
            Error("time_zone", $"'{id}' is not an IANA time zone name known to the bundled tzdb", root.ValueMark("time_zone"));
        }

        return zone;
    }

    private IsoDayOfWeek[]? WorkingDays(YamlMappingNode root)
    {
        if (!root.TryGet("working_days", out var node))
        {
            return DefaultWorkingDays;
        }

        var items = Sequence(node, "working_days");
        if (items is null)
        {
            return null;
        }

        var days = new SortedSet<IsoDayOfWeek>();
        for (var i = 0; i < items.Count; i++)
        {
            var field = $"working_days[{i.ToString(CultureInfo.InvariantCulture)}]";
            var text = Text(items[i], field);
            if (text is null)
            {
                continue;
            }

            if (!DayNames.TryGetValue(text.ToLowerInvariant(), out var day))
            {
                Error(field, $"'{text}' is not one of mon, tue, wed, thu, fri, sat, sun", items[i].Start);
            }
            else if (!days.Add(day))
            {
                Error(field, $"'{text}' is listed twice", items[i].Start);
            }
        }

        if (items.Count == 0)
        {
            Error("working_days", "is empty; a calendar needs at least one working day", node.Start);
            return null;
        }

        return [.. days];
    }

    private IReadOnlyList<Holiday> Holidays(
        YamlMappingNode root,
        string name,
        Func<string, (CalendarState State, IReadOnlyList<Holiday> Holidays)> calendars)
    {
        var mark = root.ValueMark("holidays");

        // A calendar name is a file name: anything that could leave calendars/ is refused.
        if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal)
            || name.StartsWith('.'))
        {
            Error("holidays", $"'{name}' is not a calendar name (the file name under calendars/, without .csv)", mark);
            return [];
        }

        var (state, holidays) = calendars(name);
        switch (state)
        {
            case CalendarState.Missing:
                Error("holidays", $"calendar file calendars/{name}.csv not found beside the policies", mark);
                break;
            case CalendarState.Invalid:
                Error("holidays", $"calendar file calendars/{name}.csv has errors (listed under that file)", mark);
                break;
            default:
                break;
        }

        return holidays;
    }
}
