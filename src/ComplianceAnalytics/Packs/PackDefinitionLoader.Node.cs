using System.Globalization;
using ComplianceAnalytics.Yaml;
using YamlDotNet.RepresentationModel;

namespace ComplianceAnalytics.Packs;

/// <summary>Reading the fields of one mapping of a definition, each error naming file, line and field.</summary>
public static partial class PackDefinitionLoader
{
    /// <summary>A mapping node with its source position and path, for error messages.</summary>
    private sealed class Node
    {
        private readonly YamlMappingNode _map;
        private readonly string _source;
        private readonly string _path;

        private Node(YamlMappingNode map, string source, string path)
        {
            _map = map;
            _source = source;
            _path = path;
        }

        public static Node Map(YamlNode node, string source, string path) =>
            node is YamlMappingNode map
                ? new Node(map, source, path)
                : throw new PackDefinitionException(
                    string.Create(CultureInfo.InvariantCulture, $"{source}:{node.Start.Line}: {path}: expected a mapping"));

        public PackDefinitionException Error(string key, string message)
        {
            var at = _map.ValueMark(key) ?? _map.Start;
            var field = _path == "(root)" ? key : $"{_path}.{key}";
            return new PackDefinitionException(string.Create(CultureInfo.InvariantCulture, $"{_source}:{at.Line}: {field}: {message}"));
        }

        public void Only(params string[] keys)
        {
            // The first unknown field stops the definition, as every other error here does.
            if (_map.UnknownKeys(keys).Take(1).ToList() is [var (text, start)])
            {
                throw new PackDefinitionException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{_source}:{start.Line}: {_path}: unknown field '{text}' (expected one of {string.Join(", ", keys)})"));
            }
        }

        public bool Has(string key) => Get(key) is not null;

        public string RequiredString(string key) => OptionalString(key) ?? throw Error(key, "required");

        public string? OptionalString(string key) => Get(key) switch
        {
            null => null,
            YamlScalarNode { Value: { Length: > 0 } value } => value,
            _ => throw Error(key, "expected a non-empty text value"),
        };

        public double? OptionalDouble(string key) =>
            OptionalString(key) is { } text
                ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
                    ? value
                    : throw Error(key, $"'{text}' is not a number")
                : null;

        /// <summary>A regular expression, checked here so that a bad one names its file and line.</summary>
        public string? OptionalPattern(string key)
        {
            if (OptionalString(key) is not { } text)
            {
                return null;
            }

            try
            {
                _ = new System.Text.RegularExpressions.Regex(text, System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                return text;
            }
            catch (ArgumentException ex)
            {
                throw Error(key, $"'{text}' is not a regular expression: {ex.Message}");
            }
        }

        public int? OptionalInt(string key) =>
            OptionalString(key) is { } text
                ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                    ? value
                    : throw Error(key, $"'{text}' is not a whole number")
                : null;

        public bool? OptionalBool(string key) => OptionalString(key) switch
        {
            null => null,
            "true" => true,
            "false" => false,
            var text => throw Error(key, $"'{text}' is not true or false"),
        };

        /// <summary>Reads a snake_case enum value, e.g. <c>stacked_bar</c> for <c>StackedBar</c>.</summary>
        public TEnum? OptionalEnum<TEnum>(string key)
            where TEnum : struct, Enum
        {
            if (OptionalString(key) is not { } text)
            {
                return null;
            }

            foreach (var value in Enum.GetValues<TEnum>())
            {
                if (string.Equals(SnakeCase(value.ToString()), text, StringComparison.Ordinal))
                {
                    return value;
                }
            }

            var expected = string.Join(", ", Enum.GetValues<TEnum>().Select(v => SnakeCase(v.ToString())));
            throw Error(key, $"unknown value '{text}' (expected one of {expected})");
        }

        /// <summary>A single value or a list of values.</summary>
        public List<string> RequiredStringList(string key) => Get(key) switch
        {
            null => throw Error(key, "required"),
            YamlScalarNode { Value: { Length: > 0 } value } => [value],
            YamlSequenceNode sequence => sequence.Children
                .Select(child => child is YamlScalarNode { Value: { Length: > 0 } value }
                    ? value
                    : throw Error(key, "expected a list of column names"))
                .ToList(),
            _ => throw Error(key, "expected a column name or a list of column names"),
        };

        public List<Node> RequiredSequence(string key) => Get(key) switch
        {
            YamlSequenceNode sequence => sequence.Children.Select((child, i) => Map(child, _source, string.Create(CultureInfo.InvariantCulture, $"{Prefix}{key}[{i}]"))).ToList(),
            null => throw Error(key, "required"),
            _ => throw Error(key, "expected a list"),
        };

        public Node RequiredMap(string key) => Map(Get(key) ?? throw Error(key, "required"), _source, Prefix + key);

        private string Prefix => _path == "(root)" ? "" : _path + ".";

        private YamlNode? Get(string key) => _map.Find(key);

        private static string SnakeCase(string pascal) =>
            string.Concat(pascal.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));
    }
}
