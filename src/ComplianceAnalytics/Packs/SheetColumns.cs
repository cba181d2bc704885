using System.Globalization;
using ComplianceAnalytics.Measures;

namespace ComplianceAnalytics.Packs;

/// <summary>
/// A sheet's definition with its table: every error names the definition's file and the sheet, and a
/// column named by the definition is looked up in the table.
/// </summary>
internal sealed class SheetSource
{
    public SheetSource(PackDefinition definition, SheetDefinition sheet, PackTable table)
    {
        Definition = definition;
        Sheet = sheet;
        Table = table;
        for (var r = 0; r < table.Rows.Count; r++)
        {
            if (table.Rows[r].Length != table.Columns.Count)
            {
                throw new ArgumentException(Where(string.Create(CultureInfo.InvariantCulture, $"row {r} has {table.Rows[r].Length} values for {table.Columns.Count} columns")), nameof(table));
            }
        }
    }

    public PackDefinition Definition { get; }

    public SheetDefinition Sheet { get; }

    public PackTable Table { get; }

    public string Where(string field) => $"{Definition.SourcePath}: sheet '{Sheet.Name}': {field}";

    /// <summary>The index of the table's <paramref name="column"/>, named by the definition's <paramref name="field"/>.</summary>
    public int Source(string column, string field) =>
        Table.IndexOf(column) is var i and >= 0 ? i : throw new ArgumentException(Where($"{field}: unknown column '{column}' (the table has {string.Join(", ", Table.Columns)})"));
}

/// <summary>The columns a sheet writes: the definition's (or the table's), patterns expanded, and the chart's helper columns.</summary>
internal sealed record SheetColumns(List<OutputColumn> Columns, int CategoryColumn, int TargetColumn)
{
    public static SheetColumns Resolve(SheetSource source, WorkbookMetadata metadata)
    {
        var (sheet, table) = (source.Sheet, source.Table);
        var columns = (sheet.Columns ?? table.Columns.Select(c => new ColumnDefinition(c, null, null, null)).ToList())
            .Select(c => metadata.Texts.IsEnglish ? c : c with { Width = ColumnWidths.WidestWord(c) })
            .SelectMany(c => c.SourcePattern is { } pattern
                ? table.Columns.Where(name => Matches(pattern, name))
                    .Select(name => OutputColumn.FromTable(c with { Source = name, SourcePattern = null }, table.IndexOf(name), table, metadata.Texts))
                : [OutputColumn.FromTable(c, source.Source(c.Source, "columns"), table, metadata.Texts)])
            .Select(c => c.Wrap || c.Width is not { } width ? c : c with { Width = Math.Max(width, ColumnWidths.WidestValue(c, table)) })
            .ToList();
        foreach (var currency in (sheet.Columns ?? []).Select(c => c.Currency).OfType<string>())
        {
            source.Source(currency, "columns.currency");
        }

        var chart = sheet.Chart;
        var categoryColumn = -1;
        var targetColumn = -1;
        if (chart is not null)
        {
            if (chart.Category.Count == 1)
            {
                categoryColumn = columns.FindIndex(c => c.Source == chart.Category[0]);
            }
            else
            {
                // A chart axis takes one cell per category, so several category columns get one joined helper column.
                var parts = chart.Category.Select(c => source.Source(c, "chart.category")).ToList();
                var header = string.Join(" / ", chart.Category.Select(c => columns.Find(o => o.Source == c)?.Header ?? c));
                columns.Add(new OutputColumn(header, null, null, ColumnFormat.Text, row => string.Join(" / ", parts.Select(p => PackCellValues.CategoryText(metadata.Texts.Value(row[p]))))) { Helper = true });
                categoryColumn = columns.Count - 1;
            }

            if (categoryColumn < 0)
            {
                throw new ArgumentException(source.Where($"chart.category: column '{chart.Category[0]}' is not among the sheet's columns"));
            }

            foreach (var series in chart.Series.Concat(chart.ReferenceSeries ?? []).Concat(chart.MarkerSeries ?? []))
            {
                if (!columns.Exists(c => c.Source == series))
                {
                    throw new ArgumentException(source.Where($"chart.series: column '{series}' is not among the sheet's columns"));
                }
            }

            foreach (var split in chart.SplitBy ?? [])
            {
                source.Source(split, "chart.split_by");
            }

            if (chart.Target is { } target)
            {
                var format = columns.Find(c => c.Source == chart.Series[0])!.Format;
                columns.Add(new OutputColumn(metadata.Texts.Text("Target")!, null, null, format, _ => target) { Helper = true });
                targetColumn = columns.Count - 1;
            }
        }

        return new SheetColumns(columns, categoryColumn, targetColumn);
    }

    public static bool Matches(string pattern, string name) =>
        System.Text.RegularExpressions.Regex.IsMatch(name, pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}

/// <summary>A column as written: a table column, or a helper computed from the row.</summary>
internal sealed record OutputColumn(string Header, string? Source, double? Width, ColumnFormat? Format, Func<object?[], object?> Value)
{
    /// <summary>A column only the chart reads: hidden, so the reader sees the table's own columns.</summary>
    public bool Helper { get; init; }

    public bool Wrap { get; init; }

    /// <summary>The index of the table column with each row's currency code, or -1.</summary>
    public int CurrencyIndex { get; init; } = -1;

    /// <param name="definition">The column as the pack definition gives it.</param>
    /// <param name="index">The index of its source column in <paramref name="table"/>.</param>
    /// <param name="table">The sheet's table, whose first non-null value picks a default format.</param>
    /// <param name="texts">Translates a text cell that is one of the known values (a verdict, a status); fills read the untranslated value.</param>
    public static OutputColumn FromTable(ColumnDefinition definition, int index, PackTable table, ReportTexts texts)
    {
        // Dates would show as serial numbers under the General format, so they get a date format by default.
        var format = definition.Format ?? table.Rows.Select(r => r[index]).FirstOrDefault(v => v is not null) switch
        {
            DateOnly => ColumnFormat.Date,
            DateTime => ColumnFormat.Datetime,
            _ => (ColumnFormat?)null,
        };
        return new OutputColumn(definition.Header ?? definition.Source, definition.Source, definition.Width, format, row => texts.Value(row[index]))
        {
            Wrap = definition.Wrap,
            CurrencyIndex = definition.Currency is { } currency ? table.IndexOf(currency) : -1,
        };
    }
}
