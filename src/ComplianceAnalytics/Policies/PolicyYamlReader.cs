using System.Globalization;
using ComplianceAnalytics.Domain;
using NodaTime;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ComplianceAnalytics.Policies;

/// <summary>
/// Reads one policy file of contract §3 into a <see cref="Policy"/>, adding every problem to the
/// error list (named by file and field) instead of stopping at the first, so that one run of
/// <c>compliance policies</c> shows an author everything there is to fix.
/// </summary>
internal sealed class PolicyYamlReader
{
    private static readonly string[] RootKeys =
        ["org", "name", "time_zone", "working_days", "holidays", "currency", "language", "stages", "adr", "customer_windows"];

    private static readonly string[] StageKeys = ["id", "name", "start", "stop", "limit", "target", "pause_on", "resume_on", "extendable"];
    private static readonly string[] AdrKeys = ["eligible_after"];
    private static readonly string[] WindowKeys = ["id", "from", "to", "limit"];
    private static readonly string[] LimitVersionKeys = ["from", "limit"];
    private static readonly string[] TargetVersionKeys = ["from", "target"];

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

    private readonly string _file;
    private readonly List<PolicyError> _errors;
    private readonly int _errorsBefore;

    private PolicyYamlReader(string file, List<PolicyError> errors)
    {
        _file = file;
        _errors = errors;
        _errorsBefore = errors.Count;
    }

    /// <summary>What the reader needs to know of a named calendar.</summary>
    internal enum CalendarState
    {
        Missing,
        Invalid,
        Valid,
    }

    /// <summary>
    /// Reads <paramref name="text"/>, the content of <paramref name="path"/>. The policy is null
    /// when the file had any error; the org it declares is returned either way, so that the
    /// loader can still report a duplicate org. <paramref name="calendars"/> resolves a holidays name.
    /// </summary>
    public static (Policy? Policy, string? Org) Read(
        string path,
        string text,
        Func<string, (CalendarState State, IReadOnlyList<Holiday> Holidays)> calendars,
        List<PolicyError> errors)
    {
        var reader = new PolicyYamlReader(Path.GetFileName(path), errors);
        YamlMappingNode? root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            root = reader.Root(stream);
        }
        catch (YamlException e)
        {
            reader.Error("(document)", $"is not valid YAML: {e.Message}", e.Start);
            return (null, null);
        }

        return root is null ? (null, null) : reader.ReadPolicy(root, path, calendars);
    }

    private bool HasErrors => _errors.Count > _errorsBefore;

    private YamlMappingNode? Root(YamlStream stream)
    {
        if (stream.Documents.Count != 1)
        {
            Error("(document)", $"holds {stream.Documents.Count.ToString(CultureInfo.InvariantCulture)} YAML documents; expected one policy", null);
            return null;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Error("(document)", "is not a mapping of the policy fields", stream.Documents[0].RootNode.Start);
            return null;
        }

        return root;
    }

    private (Policy?, string?) ReadPolicy(
        YamlMappingNode root,
        string path,
        Func<string, (CalendarState State, IReadOnlyList<Holiday> Holidays)> calendars)
    {
        CheckKeys(root, string.Empty, RootKeys);
        var org = RequiredText(root, "org", "org");
        var orgFromFile = Path.GetFileNameWithoutExtension(path);
        if (org is not null && !string.Equals(org, orgFromFile, StringComparison.Ordinal))
        {
            Error("org", $"'{org}' differs from the file name: the policy of '{org}' belongs in {org}.yaml", ValueMark(root, "org"));
        }

        var name = RequiredText(root, "name", "name");
        var timeZone = TimeZone(root);
        var workingDays = WorkingDays(root);
        var holidaysName = OptionalText(root, "holidays", "holidays");
        IReadOnlyList<Holiday> holidays = [];
        if (holidaysName is not null)
        {
            holidays = Holidays(root, holidaysName, calendars);
        }

        var currency = OptionalText(root, "currency", "currency");
        var language = Language(root);
        var stages = Stages(root);
        var adr = Adr(root);
        var windows = CustomerWindows(root);
        if (HasErrors)
        {
            return (null, org);
        }

        return (new Policy(
            org!,
            name!,
            timeZone!,
            workingDays!,
            holidaysName,
            BusinessCalendar.Named(workingDays!, holidays),
            stages,
            adr,
            windows,
            path) { Currency = currency, Language = language ?? Policy.DefaultLanguage }, org);
    }

    /// <summary>
    /// A language code of two or three lower-case letters (<c>sv</c>); whether its pack texts exist is
    /// checked where the texts are (ReportTexts), which this layer does not know.
    /// </summary>
    private string? Language(YamlMappingNode root)
    {
        var language = OptionalText(root, "language", "language");
        if (language is not null && !System.Text.RegularExpressions.Regex.IsMatch(language, "^[a-z]{2,3}$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            Error("language", $"'{language}' is not a language code such as en or sv", ValueMark(root, "language"));
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
            Error("time_zone", $"'{id}' is not an IANA time zone name known to the bundled tzdb", ValueMark(root, "time_zone"));
        }

        return zone;
    }

    private IsoDayOfWeek[]? WorkingDays(YamlMappingNode root)
    {
        if (!TryGetValue(root, "working_days", out var node))
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
        var mark = ValueMark(root, "holidays");

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

    private List<StageDefinition> Stages(YamlMappingNode root)
    {
        var stages = new List<StageDefinition>();
        if (!TryGetValue(root, "stages", out var node))
        {
            Error("stages", "missing required field", root.Start);
            return stages;
        }

        var items = Sequence(node, "stages") ?? [];
        var firstIndexById = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var prefix = $"stages[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (items[i] is not YamlMappingNode map)
            {
                Error(prefix, "is not a mapping of stage fields", items[i].Start);
                continue;
            }

            CheckKeys(map, prefix + ".", StageKeys);
            var id = Id(map, prefix, "stage", firstIndexById, i);
            var start = EventList(map, "start", prefix, required: true);
            var stop = EventList(map, "stop", prefix, required: true);
            var limit = Limit(map, "limit", prefix);
            var pauseOn = EventList(map, "pause_on", prefix, required: false);
            var resumeOn = EventList(map, "resume_on", prefix, required: false);
            var extendable = Boolean(map, "extendable", prefix);
            var stageName = OptionalText(map, "name", prefix + ".name");
            var target = Target(map, prefix);

            // A pause without a resume is well defined (contract §4: it ends at the stop event or
            // as_of) and is how a log without a "customer replied" event is modelled. A resume
            // without a pause could never act, so it is a mistake in the policy.
            if (resumeOn is { Count: > 0 } && pauseOn is { Count: 0 })
            {
                Error(prefix + ".resume_on", "is set but pause_on is not; a resume without a pause never acts", map.Start);
            }

            if (id is not null && start is not null && stop is not null && limit is not null
                && pauseOn is not null && resumeOn is not null && extendable is not null)
            {
                stages.Add(new StageDefinition(id, start, stop, limit, pauseOn, resumeOn, extendable.Value) { Name = stageName, Target = target });
            }
        }

        return stages;
    }

    /// <summary>
    /// A stage's attainment target, written as a percentage (<c>target: 95%</c>), or a list of dated versions
    /// <c>{from?, target}</c> validated as a limit's are; none when absent.
    /// </summary>
    private TargetSchedule? Target(YamlMappingNode map, string prefix)
    {
        var field = prefix + ".target";
        if (TryGetValue(map, "target", out var node) && node is YamlSequenceNode sequence)
        {
            return DatedTargets(sequence, field);
        }

        var text = OptionalText(map, "target", field);
        return text is null ? null : Percentage(text, field, ValueMark(map, "target"));
    }

    private decimal? Percentage(string text, string field, Mark? mark)
    {
        var number = text.EndsWith('%') ? text[..^1].Trim() : null;
        if (number is null || !decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) || percent <= 0 || percent > 100)
        {
            Error(field, $"'{text}' is not a percentage above 0% and at most 100%, e.g. 95%", mark);
            return null;
        }

        return percent / 100m;
    }

    private TargetSchedule? DatedTargets(YamlSequenceNode sequence, string field)
    {
        if (sequence.Children.Count == 0)
        {
            Error(field, "is empty; write one target, or a list of versions {from, target}", sequence.Start);
            return null;
        }

        var versions = new List<DatedTarget>();
        var ok = true;
        LocalDate? previous = null;
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var itemField = $"{field}[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (sequence.Children[i] is not YamlMappingNode item)
            {
                Error(itemField, "is not a version {from, target}", sequence.Children[i].Start);
                ok = false;
                continue;
            }

            CheckKeys(item, itemField + ".", TargetVersionKeys);
            var fromOk = TryVersionFrom(item, itemField, i, ref previous, out var from);
            var text = RequiredText(item, "target", itemField + ".target");
            var target = text is null ? null : Percentage(text, itemField + ".target", ValueMark(item, "target"));
            if (fromOk && target is { } value)
            {
                versions.Add(new DatedTarget(from, value));
            }
            else
            {
                ok = false;
            }
        }

        return ok ? TargetSchedule.Create(versions) : null;
    }

    private AdrRule? Adr(YamlMappingNode root)
    {
        if (!TryGetValue(root, "adr", out var node) || IsNull(node))
        {
            return null;
        }

        if (node is not YamlMappingNode map)
        {
            Error("adr", "is not a mapping (expected eligible_after)", node.Start);
            return null;
        }

        CheckKeys(map, "adr.", AdrKeys);
        var limit = Limit(map, "eligible_after", "adr");
        return limit is null ? null : new AdrRule(limit);
    }

    private List<CustomerWindowDefinition> CustomerWindows(YamlMappingNode root)
    {
        var windows = new List<CustomerWindowDefinition>();
        if (!TryGetValue(root, "customer_windows", out var node) || IsNull(node))
        {
            return windows;
        }

        var items = Sequence(node, "customer_windows") ?? [];
        var firstIndexById = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var prefix = $"customer_windows[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (items[i] is not YamlMappingNode map)
            {
                Error(prefix, "is not a mapping of window fields", items[i].Start);
                continue;
            }

            CheckKeys(map, prefix + ".", WindowKeys);
            var id = Id(map, prefix, "customer window", firstIndexById, i);
            var from = EventList(map, "from", prefix, required: true);
            var to = EventList(map, "to", prefix, required: true);
            var limit = Limit(map, "limit", prefix);
            if (id is not null && from is not null && to is not null && limit is not null)
            {
                windows.Add(new CustomerWindowDefinition(id, from, to, limit));
            }
        }

        return windows;
    }

    private string? Id(YamlMappingNode map, string prefix, string what, Dictionary<string, int> firstIndexById, int index)
    {
        var field = prefix + ".id";
        var id = RequiredText(map, "id", field);
        if (id is not null && !firstIndexById.TryAdd(id, index))
        {
            var first = prefix[..prefix.IndexOf('[', StringComparison.Ordinal)];
            Error(field, $"duplicate {what} id '{id}' (first used by {first}[{firstIndexById[id].ToString(CultureInfo.InvariantCulture)}])", ValueMark(map, "id"));
        }

        return id;
    }

    /// <summary>
    /// A list of canonical event types; a single name is read as a list of one. Optional lists
    /// that are absent read as empty; required ones must name at least one event.
    /// </summary>
    private List<string>? EventList(YamlMappingNode map, string key, string prefix, bool required)
    {
        var field = $"{prefix}.{key}";
        if (!TryGetValue(map, key, out var node) || IsNull(node))
        {
            if (required)
            {
                Error(field, "missing required field", map.Start);
                return null;
            }

            return [];
        }

        List<YamlNode> items = node is YamlScalarNode ? [node] : Sequence(node, field) ?? [];
        var events = new List<string>();
        var ok = true;
        for (var i = 0; i < items.Count; i++)
        {
            var itemField = node is YamlScalarNode ? field : $"{field}[{i.ToString(CultureInfo.InvariantCulture)}]";
            var text = Text(items[i], itemField);
            if (text is null)
            {
                ok = false;
            }
            else if (!EventTypes.IsKnown(text))
            {
                Error(itemField, $"'{text}' is not a canonical event type", items[i].Start);
                ok = false;
            }
            else if (!events.Contains(text, StringComparer.Ordinal))
            {
                events.Add(text);
            }
        }

        if (required && items.Count == 0)
        {
            Error(field, "is empty; name at least one event type", node.Start);
            ok = false;
        }

        return ok ? events : null;
    }

    /// <summary>
    /// A limit (contract §3): <c>&lt;N&gt; &lt;unit&gt;</c>, or a list of dated versions
    /// <c>{from?, limit}</c> oldest first, where only the first may omit <c>from</c> and the dates
    /// ascend strictly.
    /// </summary>
    private LimitSchedule? Limit(YamlMappingNode map, string key, string prefix, bool versions = true)
    {
        var field = $"{prefix}.{key}";
        if (versions && TryGetValue(map, key, out var node) && node is YamlSequenceNode sequence)
        {
            return DatedLimits(sequence, field);
        }

        var text = RequiredText(map, key, field);
        if (text is null)
        {
            return null;
        }

        if (!TimeLimit.TryParse(text, out var limit, out var why))
        {
            Error(field, $"'{text}' is not a time limit '<N> <unit>' ({why})", ValueMark(map, key));
            return null;
        }

        return limit;
    }

    private LimitSchedule? DatedLimits(YamlSequenceNode sequence, string field)
    {
        if (sequence.Children.Count == 0)
        {
            Error(field, "is empty; write one limit, or a list of versions {from, limit}", sequence.Start);
            return null;
        }

        var versions = new List<DatedLimit>();
        var ok = true;
        LocalDate? previous = null;
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var itemField = $"{field}[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (sequence.Children[i] is not YamlMappingNode item)
            {
                Error(itemField, "is not a version {from, limit}", sequence.Children[i].Start);
                ok = false;
                continue;
            }

            CheckKeys(item, itemField + ".", LimitVersionKeys);
            var fromOk = TryVersionFrom(item, itemField, i, ref previous, out var from);
            var limit = Limit(item, "limit", itemField, versions: false);
            if (fromOk && limit is not null)
            {
                versions.Add(new DatedLimit(from, limit.Versions[0].Limit));
            }
            else
            {
                ok = false;
            }
        }

        return ok ? LimitSchedule.Create(versions) : null;
    }

    /// <summary>
    /// The <c>from</c> of version <paramref name="index"/>: optional on the first only (null: from the
    /// beginning), a local date, after the <c>from</c> of the version before (tracked in <paramref name="previous"/>).
    /// </summary>
    private bool TryVersionFrom(YamlMappingNode item, string itemField, int index, ref LocalDate? previous, out LocalDate? from)
    {
        from = null;
        var field = itemField + ".from";
        if (!TryGetValue(item, "from", out var node) || IsNull(node))
        {
            if (index == 0)
            {
                return true;
            }

            Error(field, "missing; only the first version may omit from (it is in force from the beginning)", item.Start);
            return false;
        }

        var text = Text(node, field);
        if (text is null)
        {
            return false;
        }

        if (!LimitSchedule.TryParseDate(text, out var date))
        {
            Error(field, $"'{text}' is not a date YYYY-MM-DD", node.Start);
            return false;
        }

        var before = previous;
        previous = date;
        if (before is { } earlier && date <= earlier)
        {
            var relation = date == earlier ? "repeats the from of" : "is before the from of";
            Error(field, $"{LimitSchedule.FormatDate(date)} {relation} the version before ({LimitSchedule.FormatDate(earlier)}); versions are listed oldest first, each from a later date", node.Start);
            return false;
        }

        from = date;
        return true;
    }

    private bool? Boolean(YamlMappingNode map, string key, string prefix)
    {
        var field = $"{prefix}.{key}";
        var text = OptionalText(map, key, field);
        if (text is null)
        {
            return false;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Error(field, $"'{text}' is not true or false", ValueMark(map, key));
        return null;
    }

    private string? RequiredText(YamlMappingNode map, string key, string field)
    {
        if (!TryGetValue(map, key, out var node) || IsNull(node))
        {
            Error(field, "missing required field", map.Start);
            return null;
        }

        var text = Text(node, field);
        if (text is { Length: 0 })
        {
            Error(field, "is empty", node.Start);
            return null;
        }

        return text;
    }

    private string? OptionalText(YamlMappingNode map, string key, string field) =>
        TryGetValue(map, key, out var node) && !IsNull(node) ? Text(node, field) : null;

    private string? Text(YamlNode node, string field)
    {
        if (node is YamlScalarNode scalar)
        {
            return scalar.Value?.Trim();
        }

        Error(field, "is not a single value", node.Start);
        return null;
    }

    private List<YamlNode>? Sequence(YamlNode node, string field)
    {
        if (node is YamlSequenceNode sequence)
        {
            return [.. sequence.Children];
        }

        Error(field, "is not a list", node.Start);
        return null;
    }

    private void CheckKeys(YamlMappingNode map, string prefix, string[] allowed)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = key is YamlScalarNode scalar ? scalar.Value ?? string.Empty : key.ToString();
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                Error(prefix + name, $"unknown key; expected one of {string.Join(", ", allowed)}", key.Start);
            }
        }
    }

    /// <summary>Looks a key up by its text, whatever its quoting or tag.</summary>
    private static bool TryGetValue(YamlMappingNode map, string key, out YamlNode value)
    {
        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode { Value: { } name } && string.Equals(name, key, StringComparison.Ordinal))
            {
                value = v;
                return true;
            }
        }

        value = null!;
        return false;
    }

    private static Mark? ValueMark(YamlMappingNode map, string key) =>
        TryGetValue(map, key, out var node) ? node.Start : null;

    /// <summary>An empty value, <c>~</c> or <c>null</c> written plainly is YAML's null.</summary>
    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar
        && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    private void Error(string field, string message, Mark? at)
    {
        var where = at is null ? string.Empty : $" (line {at.Value.Line.ToString(CultureInfo.InvariantCulture)})";
        _errors.Add(new PolicyError(_file, field, message + where));
    }
}
