using System.Globalization;
using ComplianceAnalytics.Yaml;
using YamlDotNet.RepresentationModel;

namespace ComplianceAnalytics.Policies;

/// <summary>
/// Reads one policy file of contract §3 into a <see cref="Policy"/>, adding every problem to the
/// error list (named by file and field) instead of stopping at the first, so that one run of
/// <c>compliance policies</c> shows an author everything there is to fix.
/// The reader is split by concern: the calendar fields, stages and windows, dated versions, and
/// reading one field (PolicyYamlReader.*.cs).
/// </summary>
internal sealed partial class PolicyYamlReader
{
    private static readonly string[] RootKeys =
        ["org", "name", "time_zone", "working_days", "holidays", "currency", "language", "stages", "adr", "customer_windows"];

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
        var file = YamlFile.Parse(text);
        if (file.SyntaxError is { } e)
        {
            reader.Error("(document)", $"is not valid YAML: {e.Message}", e.Start);
            return (null, null);
        }

        var root = reader.Root(file.Documents);
        return root is null ? (null, null) : reader.ReadPolicy(root, path, calendars);
    }

    private bool HasErrors => _errors.Count > _errorsBefore;

    private YamlMappingNode? Root(IReadOnlyList<YamlNode> documents)
    {
        if (documents.Count != 1)
        {
            Error("(document)", $"holds {documents.Count.ToString(CultureInfo.InvariantCulture)} YAML documents; expected one policy", null);
            return null;
        }

        if (documents[0] is not YamlMappingNode root)
        {
            Error("(document)", "is not a mapping of the policy fields", documents[0].Start);
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
            Error("org", $"'{org}' differs from the file name: the policy of '{org}' belongs in {org}.yaml", root.ValueMark("org"));
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
}
