using System.Globalization;
using ComplianceAnalytics.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ComplianceAnalytics.Policies;

/// <summary>Reading one field: text, lists, known keys, YAML's null, and the error that names file, field and line.</summary>
internal sealed partial class PolicyYamlReader
{
    private string? RequiredText(YamlMappingNode map, string key, string field)
    {
        if (!map.TryGet(key, out var node) || YamlMaps.IsNull(node))
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
        map.TryGet(key, out var node) && !YamlMaps.IsNull(node) ? Text(node, field) : null;

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
        foreach (var (name, start) in map.UnknownKeys(allowed))
        {
            Error(prefix + name, $"unknown key; expected one of {string.Join(", ", allowed)}", start);
        }
    }

    private void Error(string field, string message, Mark? at)
    {
        var where = at is null ? string.Empty : $" (line {at.Value.Line.ToString(CultureInfo.InvariantCulture)})";
        _errors.Add(new PolicyError(_file, field, message + where));
    }
}
