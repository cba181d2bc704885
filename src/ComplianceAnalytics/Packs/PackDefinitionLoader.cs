using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ComplianceAnalytics.Packs;

/// <summary>A pack definition that cannot be used; the message names the file, line and field.</summary>
public sealed class PackDefinitionException : Exception
{
    /// <summary>An error without a message, for serialisers and the usual exception pattern.</summary>
    public PackDefinitionException()
    {
    }

    /// <summary>An error whose message names the file, line and field.</summary>
    public PackDefinitionException(string message)
        : base(message)
    {
    }

    /// <summary>An error whose message names the file and line, with the YAML parser's error that revealed it.</summary>
    public PackDefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Reads and validates <c>reports/&lt;pack&gt;.yaml</c>.</summary>
public static class PackDefinitionLoader
{
    /// <summary>Excel's limit on sheet name length.</summary>
    public const int MaxSheetNameLength = 31;

    private static readonly System.Buffers.SearchValues<char> ForbiddenSheetNameChars = System.Buffers.SearchValues.Create("\\/?*[]:");

    /// <summary>Reads and validates the definition file at <paramref name="path"/>; an invalid one throws a <see cref="PackDefinitionException"/>.</summary>
    public static PackDefinition Load(string path) => Parse(File.ReadAllText(path), path);

    /// <param name="yaml">The definition text.</param>
    /// <param name="sourcePath">Where the text came from; every error message starts with it.</param>
    /// <summary>Reads and validates a definition's text; an invalid one throws a <see cref="PackDefinitionException"/>.</summary>
    public static PackDefinition Parse(string yaml, string sourcePath)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new PackDefinitionException(
                string.Create(CultureInfo.InvariantCulture, $"{sourcePath}:{ex.Start.Line}:{ex.Start.Column}: invalid YAML: {ex.Message}"), ex);
        }

        if (stream.Documents.Count == 0)
        {
            throw new PackDefinitionException($"{sourcePath}: the file is empty");
        }

        var root = Node.Map(stream.Documents[0].RootNode, sourcePath, "(root)");
        root.Only("name", "title", "sheets");
        var name = root.RequiredString("name");
        var title = root.OptionalString("title") ?? name;
        var sheetNodes = root.RequiredSequence("sheets");
        if (sheetNodes.Count == 0)
        {
            throw root.Error("sheets", "at least one sheet is required");
        }

        var sheets = new List<SheetDefinition>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var sheetNode in sheetNodes)
        {
            var sheet = ReadSheet(sheetNode);
            // Excel compares sheet names case-insensitively.
            if (!names.Add(sheet.Name))
            {
                throw sheetNode.Error("name", $"duplicate sheet name '{sheet.Name}'");
            }

            sheets.Add(sheet);
        }

        return new PackDefinition(name, title, sheets, sourcePath);
    }

    private static SheetDefinition ReadSheet(Node node)
    {
        node.Only("name", "query", "description", "columns", "conditional", "chart", "max_rows", "empty");
        var name = node.RequiredString("name");
        if (name.Length > MaxSheetNameLength)
        {
            throw node.Error("name", $"sheet name '{name}' is {name.Length} characters; Excel allows at most {MaxSheetNameLength}");
        }

        if (name.IndexOfAny(ForbiddenSheetNameChars) >= 0 || name.StartsWith('\'') || name.EndsWith('\''))
        {
            throw node.Error("name", $"sheet name '{name}' contains a character Excel forbids (\\ / ? * [ ] : or a leading/trailing apostrophe)");
        }

        var query = node.RequiredString("query");
        var description = node.OptionalString("description");

        IReadOnlyList<ColumnDefinition>? columns = null;
        if (node.Has("columns"))
        {
            var list = new List<ColumnDefinition>();
            foreach (var columnNode in node.RequiredSequence("columns"))
            {
                columnNode.Only("source", "source_pattern", "header", "format", "width", "wrap", "currency");
                var width = columnNode.OptionalDouble("width");
                if (width is <= 0 or > 255)
                {
                    throw columnNode.Error("width", "width must be between 0 and 255 characters");
                }

                var pattern = columnNode.OptionalPattern("source_pattern");
                if (pattern is not null && (columnNode.Has("source") || columnNode.Has("header")))
                {
                    throw columnNode.Error("source_pattern", "a column is either a source (with an optional header) or a source_pattern, not both");
                }

                list.Add(new ColumnDefinition(
                    pattern is null ? columnNode.RequiredString("source") : "",
                    columnNode.OptionalString("header"),
                    columnNode.OptionalEnum<ColumnFormat>("format"),
                    width,
                    pattern)
                {
                    Wrap = columnNode.OptionalBool("wrap") ?? false,
                    Currency = columnNode.OptionalString("currency"),
                });
            }

            columns = list;
        }

        // Without a columns list the table decides which columns exist; the writer checks them then.
        // Columns matched by a pattern are only known once the table is, so then the writer checks.
        var known = columns is null || columns.Any(c => c.SourcePattern is not null)
            ? null
            : columns.Select(c => c.Source).ToHashSet(StringComparer.Ordinal);
        var conditional = node.Has("conditional") ? ReadConditional(node.RequiredMap("conditional"), known) : null;
        var chart = node.Has("chart") ? ReadChart(node.RequiredMap("chart"), known) : null;
        var maxRows = node.OptionalInt("max_rows");
        if (maxRows is <= 0)
        {
            throw node.Error("max_rows", "max_rows must be positive");
        }

        return new SheetDefinition(name, query, description, columns, conditional, chart, maxRows) { Empty = node.OptionalString("empty") };
    }

    private static ConditionalDefinition ReadConditional(Node node, HashSet<string>? known)
    {
        node.Only("column", "column_pattern", "kind", "red_below", "amber_below", "by");
        var kind = node.OptionalEnum<ConditionalKind>("kind") ?? throw node.Error("kind", "required (rag, color_scale or judged)");
        var by = node.Has("by") ? node.RequiredString("by") : null;
        if ((kind == ConditionalKind.Judged) != (by is not null))
        {
            throw node.Error("by", "a judged rule needs by (the verdict column, or the suffix of each filled column's verdict column), and only a judged rule takes it");
        }
        var red = node.OptionalDouble("red_below");
        var amber = node.OptionalDouble("amber_below");
        if (kind == ConditionalKind.Rag && (red is null || amber is null || red > amber))
        {
            throw node.Error("red_below", "a rag rule needs red_below and amber_below with red_below <= amber_below");
        }

        if (kind == ConditionalKind.ColorScale && (red is null) != (amber is null || red > amber))
        {
            throw node.Error("red_below", "a colour scale takes both red_below and amber_below (red_below <= amber_below) or neither");
        }

        var pattern = node.OptionalPattern("column_pattern");
        if (pattern is not null)
        {
            if (node.Has("column"))
            {
                throw node.Error("column_pattern", "give either column or column_pattern, not both");
            }

            return new ConditionalDefinition("", kind, red, amber, pattern, by);
        }

        var column = node.RequiredString("column");
        CheckKnown(node, "column", [column], known);
        return new ConditionalDefinition(column, kind, red, amber, null, by);
    }

    private static ChartDefinition ReadChart(Node node, HashSet<string>? known)
    {
        node.Only("type", "title", "category", "series", "reference_series", "marker_series", "split_by", "colors", "y_axis_title", "percent_axis", "target");
        var type = node.OptionalEnum<ChartType>("type") ?? throw node.Error("type", "required");
        var target = node.OptionalDouble("target");
        if (target is not null && type == ChartType.StackedBar)
        {
            // A target line runs across the categories; on horizontal bars it would cross them instead.
            throw node.Error("target", "a target line is not supported on stacked_bar charts");
        }

        var series = node.RequiredStringList("series");
        if (series.Count == 0)
        {
            throw node.Error("series", "at least one series is required");
        }

        var category = node.RequiredStringList("category");
        var reference = node.Has("reference_series") ? node.RequiredStringList("reference_series") : [];
        if (reference.Count > 0 && type is not (ChartType.Line or ChartType.Column))
        {
            throw node.Error("reference_series", "reference lines are drawn on line and column charts only");
        }

        var markers = node.Has("marker_series") ? node.RequiredStringList("marker_series") : [];
        if (markers.Count > 0 && type != ChartType.Line)
        {
            throw node.Error("marker_series", "markers are drawn on line charts only");
        }

        var splitBy = node.Has("split_by") ? node.RequiredStringList("split_by") : [];
        var colors = node.Has("colors") ? node.RequiredStringList("colors") : [];
        if (colors.Find(c => c.Length != 6 || !c.All(char.IsAsciiHexDigit)) is { } bad)
        {
            throw node.Error("colors", $"'{bad}' is not an RGB colour of six hex digits (e.g. 70AD47)");
        }

        if (colors.Count > 0 && colors.Count != series.Count)
        {
            throw node.Error("colors", $"{colors.Count} colours for {series.Count} series: give one per series");
        }

        // A single category column is read from the sheet; several are joined into a helper column
        // and split_by only groups rows, so those need only be in the table (the writer checks).
        if (category.Count == 1)
        {
            CheckKnown(node, "category", category, known);
        }

        CheckKnown(node, "series", series, known);
        CheckKnown(node, "reference_series", reference, known);
        CheckKnown(node, "marker_series", markers, known);
        return new ChartDefinition(
            type,
            node.OptionalString("title"),
            category,
            series,
            node.OptionalString("y_axis_title"),
            node.OptionalBool("percent_axis") ?? false,
            target,
            splitBy,
            reference,
            colors.Count > 0 ? colors.Select(c => c.ToUpperInvariant()).ToList() : null,
            markers);
    }

    private static void CheckKnown(Node node, string key, IEnumerable<string> columns, HashSet<string>? known)
    {
        foreach (var column in columns)
        {
            if (known is not null && !known.Contains(column))
            {
                throw node.Error(key, $"unknown column '{column}' (not listed in the sheet's columns)");
            }
        }
    }

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
            var at = _map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value.Start : _map.Start;
            var field = _path == "(root)" ? key : $"{_path}.{key}";
            return new PackDefinitionException(string.Create(CultureInfo.InvariantCulture, $"{_source}:{at.Line}: {field}: {message}"));
        }

        public void Only(params string[] keys)
        {
            foreach (var key in _map.Children.Keys)
            {
                var text = (key as YamlScalarNode)?.Value ?? "";
                if (!keys.Contains(text, StringComparer.Ordinal))
                {
                    throw new PackDefinitionException(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{_source}:{key.Start.Line}: {_path}: unknown field '{text}' (expected one of {string.Join(", ", keys)})"));
                }
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

        private YamlNode? Get(string key) => _map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

        private static string SnakeCase(string pascal) =>
            string.Concat(pascal.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));
    }
}
