namespace ComplianceAnalytics.Packs;

/// <summary>A workbook layout read from <c>reports/&lt;pack&gt;.yaml</c>.</summary>
public sealed record PackDefinition(string Name, string Title, IReadOnlyList<SheetDefinition> Sheets, string SourcePath);

/// <summary>One sheet: a table from <see cref="Query"/>, optionally with conditional fills and a chart.</summary>
public sealed record SheetDefinition(
    string Name,
    string Query,
    string? Description,
    IReadOnlyList<ColumnDefinition>? Columns,
    ConditionalDefinition? Conditional,
    ChartDefinition? Chart,
    int? MaxRows);

/// <summary>A table column to show: <see cref="Source"/> names the column in the table.</summary>
public sealed record ColumnDefinition(string Source, string? Header, ColumnFormat? Format, double? Width);

public enum ColumnFormat
{
    Text,

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Spelled as in the YAML format.")]
    Integer,
    Decimal2,
    Percent,
    Date,

    /// <summary>Date and time; spelled <c>datetime</c> in YAML.</summary>
    Datetime,
    Days1,
}

public enum ConditionalKind
{
    /// <summary>Red below <see cref="ConditionalDefinition.RedBelow"/>, amber below <see cref="ConditionalDefinition.AmberBelow"/>, else green.</summary>
    Rag,

    /// <summary>A three-colour heatmap from the column's lowest to highest value.</summary>
    ColorScale,
}

public sealed record ConditionalDefinition(string Column, ConditionalKind Kind, double? RedBelow, double? AmberBelow);

public enum ChartType
{
    Column,
    Line,
    StackedBar,
    StackedColumn,
}

public sealed record ChartDefinition(
    ChartType Type,
    string? Title,
    IReadOnlyList<string> Category,
    IReadOnlyList<string> Series,
    string? YAxisTitle,
    bool PercentAxis,
    double? Target);
