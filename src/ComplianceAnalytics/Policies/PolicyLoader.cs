using System.Globalization;

namespace ComplianceAnalytics.Policies;

/// <summary>
/// Loads the policies folder of contract §3: every <c>*.yaml</c> in it (one organisation per
/// file, named <c>&lt;org&gt;.yaml</c>) and the calendars they name under <c>calendars/</c>.
/// </summary>
public static class PolicyLoader
{
    /// <summary>The subfolder of the policies folder whose files a policy's <c>holidays:</c> names.</summary>
    internal const string CalendarsFolder = "calendars";

    /// <summary>
    /// Reads every policy in <paramref name="folder"/>, collecting all errors rather than
    /// stopping at the first; a file with any error contributes no policy.
    /// </summary>
    public static PolicySet Load(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var errors = new List<PolicyError>();
        if (!Directory.Exists(folder))
        {
            errors.Add(new PolicyError(folder, "(folder)", "the policies folder does not exist"));
            return new PolicySet([], errors);
        }

        var calendars = new Dictionary<string, (PolicyYamlReader.CalendarState, IReadOnlyList<Holiday>)>(StringComparer.Ordinal);
        (PolicyYamlReader.CalendarState, IReadOnlyList<Holiday>) Calendar(string name)
        {
            // Read each calendar once, so that a bad row is reported once however many policies use it.
            if (!calendars.TryGetValue(name, out var calendar))
            {
                calendar = ReadCalendar(folder, name, errors);
                calendars.Add(name, calendar);
            }

            return calendar;
        }

        var policies = new List<Policy>();
        var fileByOrg = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal);
        foreach (var path in files)
        {
            var file = Path.GetFileName(path);
            var (policy, org) = PolicyYamlReader.Read(path, File.ReadAllText(path), Calendar, errors);
            if (org is not null && !fileByOrg.TryAdd(org, file))
            {
                errors.Add(new PolicyError(file, "org", $"duplicate org '{org}': {fileByOrg[org]} already defines it"));
                continue;
            }

            if (policy is not null)
            {
                policies.Add(policy);
            }
        }

        return new PolicySet(policies, errors);
    }

    /// <summary>As <see cref="Load"/>, but raises one <see cref="PolicyValidationException"/> listing every error.</summary>
    public static PolicySet LoadOrThrow(string folder)
    {
        var set = Load(folder);
        return set.IsValid ? set : throw new PolicyValidationException(set.Errors);
    }

    private static (PolicyYamlReader.CalendarState, IReadOnlyList<Holiday>) ReadCalendar(
        string folder, string name, List<PolicyError> errors)
    {
        var path = Path.Combine(folder, CalendarsFolder, name + ".csv");
        if (!File.Exists(path))
        {
            return (PolicyYamlReader.CalendarState.Missing, []);
        }

        var before = errors.Count;
        var file = string.Create(CultureInfo.InvariantCulture, $"{CalendarsFolder}/{name}.csv");
        var holidays = HolidayCalendarFile.Parse(File.ReadAllText(path), file, errors);
        return (errors.Count > before ? PolicyYamlReader.CalendarState.Invalid : PolicyYamlReader.CalendarState.Valid, holidays);
    }
}
