using System.Globalization;
using ComplianceAnalytics.Domain;
using ComplianceAnalytics.Yaml;
using YamlDotNet.RepresentationModel;

namespace ComplianceAnalytics.Policies;

/// <summary>A policy's stages, ADR rule and customer windows: ids, event lists and flags.</summary>
internal sealed partial class PolicyYamlReader
{
    private static readonly string[] StageKeys = ["id", "name", "start", "stop", "limit", "target", "pause_on", "resume_on", "extendable"];
    private static readonly string[] AdrKeys = ["eligible_after"];
    private static readonly string[] WindowKeys = ["id", "from", "to", "limit"];

    private List<StageDefinition> Stages(YamlMappingNode root)
    {
        var stages = new List<StageDefinition>();
        if (!root.TryGet("stages", out var node))
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

    private AdrRule? Adr(YamlMappingNode root)
    {
        if (!root.TryGet("adr", out var node) || YamlMaps.IsNull(node))
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
        if (!root.TryGet("customer_windows", out var node) || YamlMaps.IsNull(node))
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
            Error(field, $"duplicate {what} id '{id}' (first used by {first}[{firstIndexById[id].ToString(CultureInfo.InvariantCulture)}])", map.ValueMark("id"));
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
        if (!map.TryGet(key, out var node) || YamlMaps.IsNull(node))
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

        Error(field, $"'{text}' is not true or false", map.ValueMark(key));
        return null;
    }
}
