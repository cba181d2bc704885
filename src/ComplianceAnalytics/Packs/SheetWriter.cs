using System.Globalization;
using ClosedXML.Excel;

namespace ComplianceAnalytics.Packs;

/// <summary>
/// Writes one sheet of a pack: its title row, header row and typed data rows (or streams them, see
/// <see cref="StreamedRows"/>), formats, wrapping, the capped-rows note and fills; returns where its charts go.
/// </summary>
internal static class SheetWriter
{
    private static readonly XLColor HeaderFill = XLColor.FromHtml("#D9E1F2");

    public static List<ChartLayout> Write(XLWorkbook workbook, PackDefinition definition, SheetDefinition sheet, PackTable table, List<EscapedCell> escaped, List<StreamedSheet>? streamed, WorkbookMetadata metadata)
    {
        var source = new SheetSource(definition, sheet, table);
        var resolved = SheetColumns.Resolve(source, metadata);
        var columns = resolved.Columns;
        var chart = sheet.Chart;

        var worksheet = workbook.Worksheets.Add(sheet.Name);
        var titleCell = worksheet.Cell(WorkbookWriter.TitleRow, 1);
        var title = sheet.Description ?? sheet.Name;
        PackCellValues.SetText(titleCell, title, escaped);
        titleCell.Style.Font.Bold = true;
        titleCell.Style.Font.FontSize = 13;
        TitleAcross(worksheet, title, columns.Where(c => !c.Helper).Select(c => c.Width ?? ColumnWidths.DefaultWidth(c, table)).ToList());

        for (var c = 0; c < columns.Count; c++)
        {
            var cell = worksheet.Cell(WorkbookWriter.HeaderRow, c + 1);
            PackCellValues.SetText(cell, columns[c].Header, escaped);
            cell.Style.Font.Bold = true;
            cell.Style.Fill.BackgroundColor = HeaderFill;
            cell.Style.Border.BottomBorder = XLBorderStyleValues.Thin;
            cell.Style.Alignment.WrapText = true;
            worksheet.Column(c + 1).Width = columns[c].Width ?? ColumnWidths.DefaultWidth(columns[c], table);
            if (columns[c].Helper)
            {
                worksheet.Column(c + 1).Hide();
            }
        }

        // Headers wrap rather than widen their columns; the row is made tall enough for the longest
        // header's lines, since no viewer grows it on its own for text written by ClosedXML.
        worksheet.Row(WorkbookWriter.HeaderRow).Height = 15 * ColumnWidths.HeaderLines(columns.Where(c => !c.Helper).Select(c => (c.Header, c.Width ?? ColumnWidths.DefaultWidth(c, table))));
        worksheet.SheetView.FreezeRows(WorkbookWriter.HeaderRow);
        SheetPrintSetup.Apply(worksheet, definition, sheet, metadata, columns.Where(c => !c.Helper).Sum(c => c.Width ?? ColumnWidths.DefaultWidth(c, table)));

        var cap = WorkbookWriter.RowCap(sheet.MaxRows);
        var written = Math.Min(cap, table.Rows.Count);
        string WhereCell(int r, int c) => source.Where(string.Create(CultureInfo.InvariantCulture, $"row {r}, column '{columns[c].Header}'"));
        // A sheet whose cells look alike down each column has its data rows streamed into the saved file
        // (StreamedRows): ClosedXML writes only the first (so its cells' styles exist) and those whose look
        // depends on a value, text with a line feed (ClosedXML turns on wrap text). Per-cell RAG fills and
        // charts keep a sheet whole in ClosedXML; they are on short sheets.
        var streams = streamed is not null && chart is null && sheet.Conditional is not { Kind: ConditionalKind.Rag or ConditionalKind.Judged }
            && !columns.Exists(c => c.CurrencyIndex >= 0 && metadata.Currency is null) && written > 1;
        var built = streams
            ? Enumerable.Range(0, written).Where(r => r == 0 || columns.Exists(c => c.Value(table.Rows[r]) is string text && text.Contains('\n', StringComparison.Ordinal))).ToList()
            : Enumerable.Range(0, written).ToList();
        foreach (var r in built)
        {
            var row = table.Rows[r];
            for (var c = 0; c < columns.Count; c++)
            {
                PackCellValues.SetValue(worksheet.Cell(WorkbookWriter.FirstDataRow + r, c + 1), columns[c].Value(row), escaped, () => WhereCell(r, c));
            }
        }

        if (streams)
        {
            streamed!.Add(new StreamedSheet(sheet.Name, columns.Select(c => c.Value).ToList(), table.Rows, written, built, WhereCell) { Heights = columns.Exists(c => c.Wrap) ? WrappedHeights(columns, table, written) : null });
        }

        var lastRow = WorkbookWriter.FirstDataRow + written - 1;
        if (written == 0)
        {
            PackCellValues.SetText(worksheet.Cell(WorkbookWriter.FirstDataRow, 1), sheet.Empty ?? metadata.Texts["sheet.empty"], escaped);
            worksheet.Cell(WorkbookWriter.FirstDataRow, 1).Style.Font.Italic = true;
        }
        else
        {
            for (var c = 0; c < columns.Count; c++)
            {
                if (CellFormats.NumberFormat(columns[c].Format, metadata) is not { } format)
                {
                    continue;
                }

                if (!streams)
                {
                    worksheet.Range(WorkbookWriter.FirstDataRow, c + 1, lastRow, c + 1).Style.NumberFormat.Format = format;
                    continue;
                }

                // Only the rows ClosedXML writes: a range would make it create every cell of the column.
                foreach (var r in built)
                {
                    worksheet.Cell(WorkbookWriter.FirstDataRow + r, c + 1).Style.NumberFormat.Format = format;
                }
            }
        }

        // In a workbook of several firms (no currency of its own), an amount's format carries its row's
        // currency (the sheet is not streamed: the format varies by row).
        for (var c = 0; c < columns.Count && metadata.Currency is null; c++)
        {
            for (var r = 0; r < written && columns[c].CurrencyIndex >= 0; r++)
            {
                if (table.Rows[r][columns[c].CurrencyIndex] is string code && code.Length > 0)
                {
                    worksheet.Cell(WorkbookWriter.FirstDataRow + r, c + 1).Style.NumberFormat.Format = CellFormats.CurrencyFormat(code);
                }
            }
        }

        if (written > 0 && columns.Exists(c => c.Wrap))
        {
            // A streamed sheet's styles are its built rows' (StreamedRows copies the first row's to the others, and
            // writes the heights): a range would make ClosedXML create every cell.
            var styled = streams ? built : Enumerable.Range(0, written).ToList();
            var heights = WrappedHeights(columns, table, written);
            foreach (var r in styled)
            {
                var sheetRow = WorkbookWriter.FirstDataRow + r;
                for (var c = 0; c < columns.Count; c++)
                {
                    var style = worksheet.Cell(sheetRow, c + 1).Style;
                    // Each row's cells start on its first line, beside the wrapped text.
                    style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
                    style.Alignment.WrapText = style.Alignment.WrapText || columns[c].Wrap;
                }

                // Viewers do not grow a row for wrapped text ClosedXML wrote: each row gets the lines its text needs.
                var row = worksheet.Row(sheetRow);
                row.Height = Math.Max(row.Height, heights[r]);
            }
        }

        worksheet.Range(WorkbookWriter.HeaderRow, 1, Math.Max(lastRow, WorkbookWriter.HeaderRow), columns.Count).SetAutoFilter();

        if (table.Rows.Count > written)
        {
            var note = worksheet.Cell(lastRow + 1, 1);
            string Count(int n) => n.ToString("N0", metadata.Texts.Culture);
            var text = metadata.Texts.Format("sheet.capped", Count(written), Count(table.Rows.Count), Count(table.Rows.Count - written), Count(cap));
            PackCellValues.SetText(note, text, escaped);
            note.Style.Font.Italic = true;
        }

        if (sheet.Conditional is { } conditional && written > 0)
        {
            var targets = conditional.ColumnPattern is { } pattern
                ? Enumerable.Range(0, columns.Count).Where(i => columns[i].Source is { } name && SheetColumns.Matches(pattern, name)).ToList()
                : [columns.FindIndex(o => o.Source == conditional.Column)];
            if (targets.Count == 0 || targets[0] < 0)
            {
                throw new ArgumentException(source.Where($"conditional: column '{conditional.ColumnPattern ?? conditional.Column}' is not among the sheet's columns"));
            }

            foreach (var c in targets)
            {
                if (conditional.Kind == ConditionalKind.Judged)
                {
                    var verdictColumn = conditional.ColumnPattern is null ? conditional.By! : columns[c].Source + conditional.By;
                    var verdict = source.Source(verdictColumn, "conditional.by");
                    RagFills.ApplyVerdicts(worksheet, c + 1, lastRow, r => table.Rows[r][verdict] as string);
                    continue;
                }

                RagFills.ApplyConditional(worksheet, conditional, c + 1, lastRow, r => columns[c].Value(table.Rows[r]));
            }
        }

        return chart is null || written == 0 ? [] : ChartLayouts.Build(source, chart, resolved, worksheet, written, lastRow, metadata);
    }

    /// <summary>Points of a line of the data rows' text.</summary>
    private const double LinePoints = 15;

    /// <summary>Each written row's height in points: the lines its longest wrapped text needs in its column (one line without one).</summary>
    private static double[] WrappedHeights(List<OutputColumn> columns, PackTable table, int written)
    {
        var wrapped = columns.Where(c => c.Wrap).ToList();
        var heights = new double[written];
        for (var r = 0; r < written; r++)
        {
            var lines = 1;
            foreach (var column in wrapped)
            {
                lines = Math.Max(lines, ColumnWidths.WrappedLines(PackCellValues.CategoryText(column.Value(table.Rows[r])), Math.Max(1, (int)(column.Width ?? 60) - 2)));
            }

            heights[r] = LinePoints * lines;
        }

        return heights;
    }

    /// <summary>
    /// The title (the sheet's description) wrapped across the table's columns, as tall as its lines: left to run on
    /// to the right it ran off the printed page, which is fitted to the table's width.
    /// </summary>
    private static void TitleAcross(IXLWorksheet worksheet, string title, List<double> widths)
    {
        // Bold 13 pt letters are about 1.3 times as wide as the 11 pt ones columns are counted in.
        var lines = ColumnWidths.WrappedLines(title, Math.Max(1, (int)(widths.Sum() / 1.3)));
        if (widths.Count < 2 || lines == 1)
        {
            return;
        }

        var range = worksheet.Range(WorkbookWriter.TitleRow, 1, WorkbookWriter.TitleRow, widths.Count);
        range.Merge();
        range.Style.Alignment.WrapText = true;
        range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        worksheet.Row(WorkbookWriter.TitleRow).Height = 18 * lines;
    }
}
