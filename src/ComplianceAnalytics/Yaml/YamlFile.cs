using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ComplianceAnalytics.Yaml;

/// <summary>
/// The one way the product reads its YAML files (policies, pack definitions, mapping profiles, actions):
/// a file's documents, or the syntax error that stopped it; keys found by their text; YAML's null;
/// unknown keys and lines for the error messages, which each reader words in its own terms.
/// </summary>
public sealed class YamlFile
{
    private YamlFile(IReadOnlyList<YamlNode> documents, YamlException? syntaxError)
    {
        Documents = documents;
        SyntaxError = syntaxError;
    }

    /// <summary>The root node of each document, in order; none when the text is not valid YAML.</summary>
    public IReadOnlyList<YamlNode> Documents { get; }

    /// <summary>Why the text is not valid YAML (a duplicate key included), with its line and column; null when it is.</summary>
    public YamlException? SyntaxError { get; }

    /// <summary>Parses <paramref name="text"/>, keeping a syntax error instead of throwing it.</summary>
    public static YamlFile Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            return new YamlFile([], ex);
        }

        return new YamlFile([.. stream.Documents.Select(d => d.RootNode)], null);
    }

    /// <summary>A mark's line as the messages show it (1-based).</summary>
    public static int Line(Mark mark) => checked((int)mark.Line);
}

/// <summary>Reading a mapping's fields the same way in every reader.</summary>
public static class YamlMaps
{
    /// <summary>The value of <paramref name="key"/>, looked up by its text whatever its quoting or tag.</summary>
    public static bool TryGet(this YamlMappingNode map, string key, out YamlNode value)
    {
        ArgumentNullException.ThrowIfNull(map);
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

    /// <summary>The value of <paramref name="key"/>, or null when the mapping has no such key.</summary>
    public static YamlNode? Find(this YamlMappingNode map, string key) => map.TryGet(key, out var value) ? value : null;

    /// <summary>Where the value of <paramref name="key"/> starts, or null when the mapping has no such key.</summary>
    public static Mark? ValueMark(this YamlMappingNode map, string key) => map.TryGet(key, out var value) ? value.Start : null;

    /// <summary>The line of the value of <paramref name="key"/>, or of the mapping when the key is missing.</summary>
    public static int ValueLine(this YamlMappingNode map, string key) => YamlFile.Line(map.ValueMark(key) ?? map.Start);

    /// <summary>An empty value, <c>~</c> or <c>null</c> written plainly is YAML's null.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar
        && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    /// <summary>The keys of <paramref name="map"/> not in <paramref name="allowed"/>, by their text, in order.</summary>
    public static IEnumerable<(string Name, Mark Start)> UnknownKeys(this YamlMappingNode map, IReadOnlyCollection<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(allowed);
        return map.Children.Keys
            .Select(key => (Name: key is YamlScalarNode scalar ? scalar.Value ?? string.Empty : key.ToString(), key.Start))
            .Where(key => !allowed.Contains(key.Name, StringComparer.Ordinal));
    }
}
