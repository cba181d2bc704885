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
    int? MaxRows)
{
    /// <summary>What an empty table means, said in its place (e.g. "No retention purge has removed a case yet."); a generic line when none.</summary>
    public string? Empty { get; init; }
}

/// <summary>
/// A table column to show: <see cref="Source"/> names the column in the table. With
/// <see cref="SourcePattern"/> instead, every table column whose name matches the regular expression
/// is shown, in table order, under its own name (for columns a query makes from data, such as months
/// of a PIVOT).
/// </summary>
public sealed record ColumnDefinition(string Source, string? Header, ColumnFormat? Format, double? Width, string? SourcePattern = null)
{
    /// <summary>Long text wraps within the column's width (a cover's sentences) instead of running on.</summary>
    public bool Wrap { get; init; }

    /// <summary>
    /// The table column holding each row's currency code (a policy's <c>currency:</c>): the amount is
    /// shown with it, e.g. <c>1,234.50 GBP</c>.
    /// </summary>
    public string? Currency { get; init; }
}

/// <summary>How a pack column's values are shown in the workbook (<c>format:</c> in a pack definition, lower case in YAML).</summary>
public enum ColumnFormat
{
    /// <summary>Text as given (Excel's <c>@</c>), never read as a number or date.</summary>
    Text,

    /// <summary>A whole number with thousands separators.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Spelled as in the YAML format.")]
    Integer,
    /// <summary>Two decimal places with thousands separators.</summary>
    Decimal2,

    /// <summary>One decimal place, e.g. a change in percentage points.</summary>
    Decimal1,

    /// <summary>Four decimals, for p-values and test statistics.</summary>
    Decimal4,

    /// <summary>A p-value: four decimals, "&lt; 0.0001" below that rather than a misleading 0.0000.</summary>
    Pvalue,
    /// <summary>A fraction shown as a percentage with one decimal (0.953 as 95.3 %).</summary>
    Percent,

    /// <summary>An amount of money in the policy's currency (<c>currency:</c>): <c>£12,345.50</c>, in Swedish <c>12 345,50 £</c>.</summary>
    Money,
    /// <summary>A calendar date, <c>yyyy-mm-dd</c>.</summary>
    Date,

    /// <summary>Date and time; spelled <c>datetime</c> in YAML.</summary>
    Datetime,
    /// <summary>A number of days with one decimal place.</summary>
    Days1,
}

/// <summary>How a conditional fill colours its cells (<c>conditional: { kind: … }</c> in a pack definition).</summary>
public enum ConditionalKind
{
    /// <summary>Red below <see cref="ConditionalDefinition.RedBelow"/>, amber below <see cref="ConditionalDefinition.AmberBelow"/>, else green.</summary>
    Rag,

    /// <summary>
    /// An Excel colour scale: red at <see cref="ConditionalDefinition.RedBelow"/> and below, amber at
    /// <see cref="ConditionalDefinition.AmberBelow"/>, green at the highest value; without those, white to blue
    /// from the lowest to the highest value.
    /// </summary>
    ColorScale,

    /// <summary>
    /// Fills from a verdict the query computed (judge(), queries/_judge.sql): the row's value in
    /// <see cref="ConditionalDefinition.By"/> (or, for a pattern, in the column named as the filled
    /// one plus <c>by</c>) is Red, Amber, Green, or "Too few cases" (grey); anything else is unfilled.
    /// </summary>
    Judged,
}

/// <summary>A conditional fill on <see cref="Column"/>, or on every shown column matching <see cref="ColumnPattern"/>.</summary>
public sealed record ConditionalDefinition(string Column, ConditionalKind Kind, double? RedBelow, double? AmberBelow, string? ColumnPattern = null, string? By = null);

/// <summary>The kind of a sheet's chart (<c>chart: type:</c> in a pack definition).</summary>
public enum ChartType
{
    /// <summary>Vertical bars, one per series side by side.</summary>
    Column,
    /// <summary>Lines, one per series.</summary>
    Line,
    /// <summary>Horizontal bars with the series stacked.</summary>
    StackedBar,
    /// <summary>Vertical bars with the series stacked.</summary>
    StackedColumn,
}

/// <summary>A sheet's chart (<c>chart:</c> in a pack definition), drawn from the sheet's own table.</summary>
/// <param name="Type">The kind of chart.</param>
/// <param name="Title">The chart's title; none when null.</param>
/// <param name="Category">The column of the category axis, or several joined into a helper column.</param>
/// <param name="Series">The columns drawn as data series, in order.</param>
/// <param name="YAxisTitle">The value axis's title; none when null.</param>
/// <param name="PercentAxis">Whether the value axis shows fractions as percentages.</param>
/// <param name="Target">A target drawn as a horizontal line (e.g. 0.95); none when null.</param>
/// <param name="SplitBy">
/// Columns whose values group the rows (the query sorts by them): one chart per group, titled with the
/// group's values, each reading its own rows. Empty: one chart over every row.
/// </param>
/// <param name="ReferenceSeries">Series drawn as dashed lines without markers (control limits, centre lines).</param>
/// <param name="Colors">RGB hex colours of the data series in order (e.g. green for met, red for breached); the default palette otherwise.</param>
/// <param name="MarkerSeries">
/// Line charts only: series drawn as thin vertical bars from the axis, one where the value is given
/// (e.g. an action taken that month), to mark events on the time line.
/// </param>
public sealed record ChartDefinition(
    ChartType Type,
    string? Title,
    IReadOnlyList<string> Category,
    IReadOnlyList<string> Series,
    string? YAxisTitle,
    bool PercentAxis,
    double? Target,
    IReadOnlyList<string>? SplitBy = null,
    IReadOnlyList<string>? ReferenceSeries = null,
    IReadOnlyList<string>? Colors = null,
    IReadOnlyList<string>? MarkerSeries = null);
