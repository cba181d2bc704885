using System.Globalization;
using ComplianceAnalytics.Yaml;

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
public static partial class PackDefinitionLoader
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
        var file = YamlFile.Parse(yaml);
        if (file.SyntaxError is { } ex)
        {
            throw new PackDefinitionException(
                string.Create(CultureInfo.InvariantCulture, $"{sourcePath}:{ex.Start.Line}:{ex.Start.Column}: invalid YAML: {ex.Message}"), ex);
        }

        if (file.Documents.Count == 0)
        {
            throw new PackDefinitionException($"{sourcePath}: the file is empty");
        }

        var root = Node.Map(file.Documents[0], sourcePath, "(root)");
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
}
