using System.Text.RegularExpressions;
using ComplianceAnalytics.Domain;
using ComplianceAnalytics.Yaml;
using NodaTime;
using YamlDotNet.RepresentationModel;

namespace ComplianceAnalytics.Exports;

/// <summary>What to do with a source event type that the profile does not map (contract §2).</summary>
public enum UnmappedEventTypes
{
    /// <summary>Rows with an unmapped source type are left out without a reject (counted as ignored).</summary>
    Ignore,
    /// <summary>Rows with an unmapped source type are rejected as <c>unknown_event_type</c>.</summary>
    Reject,
}

/// <summary>
/// How one source system's export maps onto canonical events (contract §2). A file that no
/// profile matches is read as canonical, which is <see cref="Canonical"/>.
/// </summary>
public sealed record MappingProfile(
    string Name,
    string? Format,
    string? Match,
    string? Org,
    string? OrgColumn,
    DateTimeZone? TimeZone,
    IReadOnlyDictionary<string, string> Columns,
    IReadOnlyDictionary<string, string>? EventTypes,
    UnmappedEventTypes Unmapped,
    string? SourcePath)
{
    /// <summary>The profile of a file no profile matches: canonical column names and event types, unmapped types rejected.</summary>
    public static readonly MappingProfile Canonical = new(
        "canonical", null, null, null, null, null, new Dictionary<string, string>(), null, UnmappedEventTypes.Reject, null);

    /// <summary>Whether this is <see cref="Canonical"/> rather than a profile read from a file (the ledger then names no profile).</summary>
    public bool IsCanonical => SourcePath is null;

    /// <summary>The source column that holds a canonical column.</summary>
    public string SourceColumn(string canonical) =>
        canonical == CanonicalColumns.Org && OrgColumn is not null ? OrgColumn
        : Columns.TryGetValue(canonical, out var source) ? source : canonical;

    /// <summary>Whether the file name matches this profile's glob (<c>*</c> and <c>?</c>, case-sensitive).</summary>
    public bool Matches(string fileName)
    {
        if (Match is null)
        {
            return false;
        }

        var pattern = "^" + Regex.Escape(Match).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(fileName, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}

/// <summary>Reads mapping profiles from YAML, reporting every problem with file and field.</summary>
public static class MappingProfileLoader
{
    private static readonly HashSet<string> TopLevelKeys = new(StringComparer.Ordinal)
    {
        "name", "format", "match", "org", "org_column", "time_zone", "columns", "event_types", "unmapped_event_types",
    };

    /// <summary>Every <c>*.yaml</c>/<c>*.yml</c> in the folder, in ordinal order of name. A missing folder holds none.</summary>
    public static IReadOnlyList<MappingProfile> LoadFolder(string? folder)
    {
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
        {
            return [];
        }

        var files = Directory.EnumerateFiles(folder, "*.yaml").Concat(Directory.EnumerateFiles(folder, "*.yml"))
            .Order(StringComparer.Ordinal);
        return [.. files.Select(LoadFile)];
    }

    /// <summary>Reads one profile file, or throws a <see cref="MappingProfileException"/> listing every problem with its field.</summary>
    public static MappingProfile LoadFile(string path)
    {
        var errors = new List<string>();
        var name = Path.GetFileName(path);
        var file = YamlFile.Parse(File.ReadAllText(path));
        if (file.SyntaxError is { } ex)
        {
            throw new MappingProfileException($"{name}: line {ex.Start.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)}: {ex.Message}", ex);
        }

        var root = file.Documents is [YamlMappingNode m]
            ? m
            : throw new MappingProfileException($"{name}: a profile is one YAML mapping");

        string? Scalar(string key)
        {
            if (!root.TryGet(key, out var node))
            {
                return null;
            }

            if (node is YamlScalarNode s)
            {
                return s.Value;
            }

            errors.Add($"{name}: {key}: expected a single value");
            return null;
        }

        Dictionary<string, string> Map(string key)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!root.TryGet(key, out var node))
            {
                return result;
            }

            if (node is not YamlMappingNode map)
            {
                errors.Add($"{name}: {key}: expected a mapping");
                return result;
            }

            foreach (var (k, v) in map.Children)
            {
                if (k is YamlScalarNode ks && v is YamlScalarNode vs && ks.Value is not null && vs.Value is not null)
                {
                    result[ks.Value] = vs.Value;
                }
                else
                {
                    errors.Add($"{name}: {key}: every entry must map one value to one value");
                }
            }

            return result;
        }

        foreach (var (key, _) in root.UnknownKeys(TopLevelKeys))
        {
            errors.Add($"{name}: {key}: unknown key");
        }

        var profileName = Scalar("name") ?? Path.GetFileNameWithoutExtension(path);
        var format = Scalar("format");
        if (format is not null and not "csv" and not "jsonl")
        {
            errors.Add($"{name}: format: '{format}' is not csv or jsonl");
        }

        var org = Scalar("org");
        var orgColumn = Scalar("org_column");
        if (org is not null && orgColumn is not null)
        {
            errors.Add($"{name}: org, org_column: give one or the other, not both");
        }

        DateTimeZone? zone = null;
        var zoneId = Scalar("time_zone");
        if (zoneId is not null)
        {
            zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId);
            if (zone is null)
            {
                errors.Add($"{name}: time_zone: '{zoneId}' is not an IANA time zone");
            }
        }

        var columns = Map("columns");
        foreach (var canonical in columns.Keys.Where(c => !CanonicalColumns.IsKnown(c)))
        {
            errors.Add($"{name}: columns.{canonical}: not a canonical column");
        }

        Dictionary<string, string>? eventTypes = root.TryGet("event_types", out _) ? Map("event_types") : null;
        foreach (var (source, target) in eventTypes ?? [])
        {
            if (!Domain.EventTypes.IsKnown(target))
            {
                errors.Add($"{name}: event_types.{source}: '{target}' is not a canonical event type");
            }
        }

        var unmapped = Scalar("unmapped_event_types") switch
        {
            null or "reject" => UnmappedEventTypes.Reject,
            "ignore" => UnmappedEventTypes.Ignore,
            var other => AddError($"unmapped_event_types: '{other}' is not ignore or reject"),
        };

        UnmappedEventTypes AddError(string message)
        {
            errors.Add($"{name}: {message}");
            return UnmappedEventTypes.Reject;
        }

        if (errors.Count > 0)
        {
            throw new MappingProfileException(string.Join(Environment.NewLine, errors));
        }

        return new MappingProfile(profileName, format, Scalar("match"), org, orgColumn, zone, columns, eventTypes, unmapped, path);
    }
}

/// <summary>Raised when a mapping profile file is invalid; the message lists each problem on its own line, prefixed by the file name.</summary>
public sealed class MappingProfileException : Exception
{
    /// <summary>Raised with the problems found, one per line.</summary>
    public MappingProfileException(string message)
        : base(message)
    {
    }

    /// <summary>Raised with the problem found and the YAML parser's error that revealed it.</summary>
    public MappingProfileException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
