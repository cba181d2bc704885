using ClosedXML.Excel;

namespace ComplianceAnalytics.Packs;

/// <summary>Where a sheet's charts go and what they show: one chart, or one per group of rows when the chart is split.</summary>
internal static class ChartLayouts
{
    /// <summary>The charts of a sheet whose table ends at <paramref name="lastRow"/>, with a page break above each.</summary>
    public static List<ChartLayout> Build(SheetSource source, ChartDefinition chart, SheetColumns resolved, IXLWorksheet worksheet, int written, int lastRow, WorkbookMetadata metadata)
    {
        var (sheet, table) = (source.Sheet, source.Table);
        var (columns, categoryColumn, targetColumn) = (resolved.Columns, resolved.CategoryColumn, resolved.TargetColumn);
        var rows = table.Rows.Take(written).ToList();
        var valueColumnFormat = columns.Find(c => c.Source == chart.Series[0])!.Format;
        var valueFormat = CellFormats.NumberFormat(valueColumnFormat, metadata) ?? "General";
        var splitColumns = (chart.SplitBy ?? []).Select(c => table.IndexOf(c)).ToList();
        var layouts = new List<ChartLayout>();
        // Rows of one group are contiguous (the query sorts by the split columns), so each chart reads one block of rows.
        var start = 0;
        while (start < rows.Count)
        {
            var key = GroupKey(rows[start], splitColumns);
            var end = start;
            while (end + 1 < rows.Count && GroupKey(rows[end + 1], splitColumns) == key)
            {
                end++;
            }

            var block = rows.GetRange(start, end - start + 1);
            var firstRow = WorkbookWriter.FirstDataRow + start;
            SeriesLayout Series(int c) => new(c + 1, columns[c].Header, block.Select(r => PackCellValues.ToDouble(columns[c].Value(r), () => source.Where($"chart series '{columns[c].Header}'"))).ToList());
            var title = splitColumns.Count == 0 ? chart.Title : (chart.Title is null ? key : $"{chart.Title}: {key}");
            var series = chart.Series.Select(s => Series(columns.FindIndex(c => c.Source == s))).ToList();
            start = end + 1;
            // A page break above each chart: no chart is split across two printed pages.
            worksheet.PageSetup.AddHorizontalPageBreak(WorkbookWriter.ChartTopRow(Math.Max(lastRow, WorkbookWriter.FirstDataRow), layouts.Count) - 1);
            // A group with no value in any data series would be an empty frame; its rows still show in the table.
            if (splitColumns.Count > 0 && series.TrueForAll(s => s.Values.All(v => v is null)))
            {
                continue;
            }

            layouts.Add(new ChartLayout(
                sheet.Name,
                chart,
                title,
                layouts.Count,
                firstRow,
                firstRow + block.Count - 1,
                columns.Count,
                Math.Max(lastRow, WorkbookWriter.FirstDataRow),
                categoryColumn + 1,
                block.Select(r => PackCellValues.CategoryText(columns[categoryColumn].Value(r))).ToList(),
                series,
                (chart.ReferenceSeries ?? []).Select(s => Series(columns.FindIndex(c => c.Source == s))).ToList(),
                targetColumn < 0 ? null : Series(targetColumn),
                valueFormat,
                (chart.MarkerSeries ?? []).Select(s => Series(columns.FindIndex(c => c.Source == s))).ToList())
            {
                ValueColumnFormat = valueColumnFormat,
            });
        }

        // The printed area reaches a row below the last chart: LibreOffice ends a page at the last used row and cut
        // off the bottom of a chart ending there (Repeat complainants).
        if (layouts.Count > 0)
        {
            worksheet.PageSetup.PrintAreas.Add(1, 1, WorkbookWriter.ChartTopRow(Math.Max(lastRow, WorkbookWriter.FirstDataRow), layouts.Count), Math.Max(columns.Count, WorkbookWriter.ChartWidthColumns));
        }

        return layouts;
    }

    private static string GroupKey(object?[] row, List<int> columns) =>
        string.Join(" / ", columns.Select(c => PackCellValues.CategoryText(row[c])));
}

/// <summary>Where one chart's data sits (rows <see cref="FirstDataRow"/> to <see cref="LastDataRow"/>), and the values for its caches.</summary>
/// <param name="SheetName">The sheet the chart is on and reads.</param>
/// <param name="Chart">The chart's definition.</param>
/// <param name="Title">The chart's title, with its group's values when split; none when null.</param>
/// <param name="Index">The chart's place among its sheet's charts, top to bottom.</param>
/// <param name="FirstDataRow">The sheet row of the chart's first data row.</param>
/// <param name="LastDataRow">The sheet row of its last data row.</param>
/// <param name="TableColumns">How many columns the sheet's table has (the chart is anchored to their right).</param>
/// <param name="TableLastRow">The sheet row of the table's last row, below which the charts are stacked.</param>
/// <param name="CategoryColumn">The 1-based sheet column of the category axis.</param>
/// <param name="Categories">The category labels, one per data row.</param>
/// <param name="Series">The data series.</param>
/// <param name="ReferenceSeries">The dashed reference series (control limits, centre lines).</param>
/// <param name="Target">The target line's series; none when null.</param>
/// <param name="ValueFormat">The value axis's number format, the first series' column's.</param>
/// <param name="MarkerSeries">The line chart's event markers; none when null.</param>
internal sealed record ChartLayout(
    string SheetName,
    ChartDefinition Chart,
    string? Title,
    int Index,
    int FirstDataRow,
    int LastDataRow,
    int TableColumns,
    int TableLastRow,
    int CategoryColumn,
    IReadOnlyList<string> Categories,
    IReadOnlyList<SeriesLayout> Series,
    IReadOnlyList<SeriesLayout> ReferenceSeries,
    SeriesLayout? Target,
    string ValueFormat,
    IReadOnlyList<SeriesLayout>? MarkerSeries = null)
{
    /// <summary>The format of the first series' column: whole counts get a step of one on a short axis.</summary>
    public ColumnFormat? ValueColumnFormat { get; init; }
}

/// <param name="Column">1-based sheet column.</param>
/// <param name="Header">The series' name, its column's header.</param>
/// <param name="Values">One value per data row; null where the cell is empty.</param>
internal sealed record SeriesLayout(int Column, string Header, IReadOnlyList<double?> Values);
