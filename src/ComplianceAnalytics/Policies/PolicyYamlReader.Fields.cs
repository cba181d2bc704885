using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ComplianceAnalytics.Policies;

/// <summary>Reading one field: text, lists, known keys, YAML's null, and the error that names file, field and line.</summary>
internal sealed partial class PolicyYamlReader
{
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
