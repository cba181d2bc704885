namespace ComplianceAnalytics.Packs;

/// <summary>A sheet's conditional fills and chart, checked against the sheet's columns.</summary>
public static partial class PackDefinitionLoader
{
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
}
