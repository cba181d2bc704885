using ComplianceAnalytics.Policies;
using ComplianceAnalytics.Yaml;
using NodaTime;
using NodaTime.Text;
using YamlDotNet.RepresentationModel;

namespace ComplianceAnalytics.Actions;

/// <summary>The actions read from a folder, and those left out because their org has no policy here.</summary>
public sealed record ActionSet(IReadOnlyList<ImprovementAction> All, IReadOnlyList<string> Skipped)
{
    /// <summary>No actions and nothing skipped: what a missing default folder gives.</summary>
    public static readonly ActionSet Empty = new([], []);
}

/// <summary>
/// Reads the actions folder (setting <c>ActionsFolder</c>): one YAML file per action, every error
/// named by file, line and key, all of them reported at once.
/// </summary>
public static class ActionLoader
{
    /// <summary>The scope keys a file may use (root_cause and product: the case's attributes of contract v2 §1).</summary>
    public static readonly IReadOnlyList<string> ScopeKeys = ["stage", "team", "category", "root_cause", "product"];

    private static readonly string[] Keys = ["id", "org", "date", "scope", "description", "owner"];

    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;

    /// <summary>Reads every action file in <paramref name="folder"/>, or throws listing every error.</summary>
    /// <param name="folder">The actions folder; absent means no actions unless <paramref name="strict"/>.</param>
    /// <param name="policies">The loaded policies: an action's org and stage must be among them.</param>
    /// <param name="strict">
    /// An explicitly configured folder is strict: an action whose org has no policy is an error. The
    /// default folder ships sample actions for the sample firms, so with other policies those are
    /// left out (and listed in <see cref="ActionSet.Skipped"/>) instead of failing every run.
    /// </param>
    public static ActionSet LoadOrThrow(string folder, PolicySet policies, bool strict)
    {
        ArgumentNullException.ThrowIfNull(policies);
        if (!Directory.Exists(folder))
        {
            return strict ? throw new ActionValidationException([new ActionError(folder, 0, "(folder)", "the actions folder does not exist")]) : ActionSet.Empty;
        }

        var errors = new List<ActionError>();
        var actions = new List<ImprovementAction>();
        var skipped = new List<string>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(folder)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        foreach (var path in files)
        {
            var file = Path.GetFileName(path);
            var fileErrors = new List<ActionError>();
            var action = Read(File.ReadAllText(path), file, policies, strict, fileErrors, skipped);
            if (action is not null && fileErrors.Count == 0)
            {
                if (ids.TryGetValue(action.Id, out var first))
                {
                    fileErrors.Add(new ActionError(file, 1, "id", $"'{action.Id}' is already the id of the action in {first}"));
                }
                else
                {
                    ids[action.Id] = file;
                    actions.Add(action);
                }
            }

            errors.AddRange(fileErrors);
        }

        return errors.Count > 0
            ? throw new ActionValidationException(errors)
            : new ActionSet([.. actions.OrderBy(a => a.Org, StringComparer.Ordinal).ThenBy(a => a.Date).ThenBy(a => a.Id, StringComparer.Ordinal)], skipped);
    }

    /// <summary>One file's action, or null with the reasons in <paramref name="errors"/> (or in <paramref name="skipped"/>).</summary>
    internal static ImprovementAction? Read(string yaml, string file, PolicySet policies, bool strict, List<ActionError> errors, List<string> skipped)
    {
        var parsed = YamlFile.Parse(yaml);
        if (parsed.SyntaxError is { } ex)
        {
            errors.Add(new ActionError(file, YamlFile.Line(ex.Start), "(file)", "invalid YAML: " + ex.Message));
            return null;
        }

        if (parsed.Documents.Count == 0 || parsed.Documents[0] is not YamlMappingNode root)
        {
            errors.Add(new ActionError(file, 1, "(file)", "expected a mapping with the keys " + string.Join(", ", Keys)));
            return null;
        }

        Unknown(root, Keys, file, string.Empty, errors);
        var id = Text(root, "id", file, errors);
        var org = Text(root, "org", file, errors);
        var dateText = Text(root, "date", file, errors);
        var description = Text(root, "description", file, errors);
        var owner = Text(root, "owner", file, errors);
        LocalDate date = default;
        if (dateText is not null)
        {
            var parsedDate = DatePattern.Parse(dateText);
            if (parsedDate.Success)
            {
                date = parsedDate.Value;
            }
            else
            {
                errors.Add(new ActionError(file, Line(root, "date"), "date", $"'{dateText}' is not a date of the form YYYY-MM-DD"));
            }
        }

        var policy = org is null ? null : policies.Find(org);
        if (org is not null && policy is null)
        {
            if (!strict)
            {
                skipped.Add($"{file}: org '{org}' has no policy");
                return null;
            }

            errors.Add(new ActionError(file, Line(root, "org"), "org", $"'{org}' has no policy in the policies folder"));
        }

        var scope = Scope(root, file, policy, errors);
        return errors.Count > 0 || scope is null
            ? null
            : new ImprovementAction(id!, org!, date, scope, description!, owner!, file);
    }

    private static ActionScope? Scope(YamlMappingNode root, string file, Policy? policy, List<ActionError> errors)
    {
        if (!root.TryGet("scope", out var node))
        {
            errors.Add(new ActionError(file, YamlFile.Line(root.Start), "scope", "required: a mapping of any of " + string.Join(", ", ScopeKeys)));
            return null;
        }

        if (node is not YamlMappingNode map || map.Children.Count == 0)
        {
            errors.Add(new ActionError(file, YamlFile.Line(node.Start), "scope", "expected a mapping with at least one of " + string.Join(", ", ScopeKeys)));
            return null;
        }

        Unknown(map, ScopeKeys, file, "scope.", errors);
        string? Key(string key) => Text(map, key, file, errors, required: false, prefix: "scope.");

        var stage = Key("stage");
        if (stage is not null && policy is not null && !policy.Stages.Any(s => string.Equals(s.Id, stage, StringComparison.Ordinal)))
        {
            errors.Add(new ActionError(file, Line(map, "stage"), "scope.stage", $"'{stage}' is not a stage of {policy.Org}'s policy ({string.Join(", ", policy.Stages.Select(s => s.Id))})"));
        }

        return new ActionScope(stage, Key("team"), Key("category"), Key("root_cause"), Key("product"));
    }

    private static void Unknown(YamlMappingNode map, IReadOnlyList<string> keys, string file, string prefix, List<ActionError> errors)
    {
        foreach (var (text, start) in map.UnknownKeys(keys))
        {
            errors.Add(new ActionError(file, YamlFile.Line(start), prefix + text, "unknown key (expected one of " + string.Join(", ", keys) + ")"));
        }
    }

    private static string? Text(YamlMappingNode map, string key, string file, List<ActionError> errors, bool required = true, string prefix = "")
    {
        if (!map.TryGet(key, out var node))
        {
            if (required)
            {
                errors.Add(new ActionError(file, YamlFile.Line(map.Start), prefix + key, "required"));
            }

            return null;
        }

        if (node is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value))
        {
            return value.Trim();
        }

        errors.Add(new ActionError(file, YamlFile.Line(node.Start), prefix + key, "expected a non-empty text value"));
        return null;
    }

    private static int Line(YamlMappingNode map, string key) => map.ValueLine(key);
}
