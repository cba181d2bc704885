using System.Globalization;
using ClosedXML.Excel;
using ComplianceAnalytics.Measures;
using DocumentFormat.OpenXml.Packaging;

namespace ComplianceAnalytics.Packs;

/// <summary>
/// Writes a pack workbook: per sheet a title row, a header row and typed data, then native charts.
/// </summary>
public static class WorkbookWriter
{
    public const int TitleRow = 1;
    public const int HeaderRow = 2;
    public const int FirstDataRow = 3;
    /// <summary>An empty sheet's line when its definition says nothing more particular, in English.</summary>
    public static string NoDataText => ReportTexts.English["sheet.empty"];

    /// <summary>Rows in an Excel sheet.</summary>
    public const int ExcelMaxRows = 1_048_576;

    /// <summary>Columns the chart is anchored across, to the right of the table.</summary>
    internal const int ChartWidthColumns = 12;

    internal const int ChartHeightRows = 22;

    private static readonly XLColor HeaderFill = XLColor.FromHtml("#D9E1F2");
    private static readonly (XLColor Fill, XLColor Font) Red = (XLColor.FromHtml("#FFC7CE"), XLColor.FromHtml("#9C0006"));
    private static readonly (XLColor Fill, XLColor Font) Amber = (XLColor.FromHtml("#FFEB9C"), XLColor.FromHtml("#9C5700"));
    private static readonly (XLColor Fill, XLColor Font) Green = (XLColor.FromHtml("#C6EFCE"), XLColor.FromHtml("#006100"));
    private static readonly (XLColor Fill, XLColor Font) Grey = (XLColor.FromHtml("#E7E6E6"), XLColor.FromHtml("#595959"));

    /// <summary>
    /// Writes <paramref name="definition"/> to <paramref name="path"/>, replacing any file there only once
    /// the new workbook is complete.
    /// </summary>
    /// <param name="tables">The table of each sheet, keyed by sheet name or, failing that, by query name.</param>
    public static void Write(
        PackDefinition definition,
        IReadOnlyDictionary<string, PackTable> tables,
        string path,
        WorkbookMetadata metadata) =>
        Write(definition, tables, path, metadata, streamRows: true);

    /// <param name="streamRows">
    /// False writes every cell with ClosedXML: the workbook the streamed rows are tested against.
    /// </param>
    internal static void Write(
        PackDefinition definition,
        IReadOnlyDictionary<string, PackTable> tables,
        string path,
        WorkbookMetadata metadata,
        bool streamRows)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(metadata);

        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException($"'{path}' has no folder", nameof(path));
        // Same folder as the target so the final rename stays on one file system and is atomic.
        var temp = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var charts = new List<ChartLayout>();
            var escaped = new List<EscapedCell>();
            var streamed = new List<StreamedSheet>();
            using (var workbook = new XLWorkbook())
            {
                workbook.Properties.Title = metadata.Texts.Text(definition.Title);
                workbook.Properties.Author = metadata.Author;
                workbook.Properties.Subject = metadata.Subject;
                workbook.Properties.Created = metadata.CreatedUtc;
                workbook.Properties.Modified = metadata.CreatedUtc;
                foreach (var sheet in definition.Sheets)
                {
                    // Tables are found by the definition's own (English) sheet names; the sheet shows the firm's language.
                    var table = FindTable(definition, sheet, tables);
                    charts.AddRange(WriteSheet(workbook, definition, PackLanguage.Localise(sheet, metadata.Texts), table, escaped, streamRows ? streamed : null, metadata));
                }

                using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite);
                workbook.SaveAs(stream);
            }

            using (var document = SpreadsheetDocument.Open(temp, true))
            {
                // A streamed sheet's part is rewritten from its saved bytes, so it takes its own escapes:
                // a DOM loaded by EscapedText would be saved over it when the document closes.
                var streamedNames = streamed.Select(s => s.SheetName).ToHashSet(StringComparer.Ordinal);
                foreach (var sheet in streamed)
                {
                    StreamedRows.Write(document, sheet, escaped.Where(e => e.SheetName == sheet.SheetName));
                }

                EscapedText.Apply(document, escaped.Where(e => !streamedNames.Contains(e.SheetName)).ToList());
                ChartWriter.AddCharts(document, charts);
            }

            File.Move(temp, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>The 1-based sheet row at the top of a sheet's <paramref name="index"/>-th chart, below the table ending at <paramref name="tableLastRow"/>.</summary>
    internal static int ChartTopRow(int tableLastRow, int index) => tableLastRow + 3 + (index * (ChartHeightRows + 1));

    /// <summary>Data rows a sheet can hold: the cap, and never more than fit below the header with room for the note row.</summary>
    internal static int RowCap(int? maxRows) => Math.Min(maxRows ?? int.MaxValue, ExcelMaxRows - 1 - HeaderRow);

    private static PackTable FindTable(PackDefinition definition, SheetDefinition sheet, IReadOnlyDictionary<string, PackTable> tables) =>
        tables.TryGetValue(sheet.Name, out var byName) ? byName
        : tables.TryGetValue(sheet.Query, out var byQuery) ? byQuery
        : throw new ArgumentException($"{definition.SourcePath}: sheet '{sheet.Name}': no table was given for it (by sheet name or query '{sheet.Query}')", nameof(tables));

    /// <summary>Width in characters above which a sheet prints landscape.</summary>
    private const double PortraitWidth = 95;

    /// <summary>
    /// Printed (and PDF-rendered) sheets: the table fitted to the page's width only (never to one page,
    /// which shrinks a long table to nothing), landscape when wide, the header row repeated on every
    /// page, and a page header and footer naming firm, pack, sheet, month and "page N of M".
    /// </summary>
    private static void PrintSetup(IXLWorksheet worksheet, PackDefinition definition, SheetDefinition sheet, WorkbookMetadata metadata, double tableWidth)
    {
        var page = worksheet.PageSetup;
        page.PageOrientation = tableWidth > PortraitWidth ? XLPageOrientation.Landscape : XLPageOrientation.Portrait;
        page.PaperSize = XLPaperSize.A4Paper;
        page.FitToPages(1, 0);
        page.SetRowsToRepeatAtTop(HeaderRow, HeaderRow);
        page.Margins.Top = 0.75;
        page.Margins.Bottom = 0.75;
        page.Margins.Header = 0.3;
        page.Margins.Footer = 0.3;
        page.Header.Left.AddText(HeaderText(metadata.Organisation ?? string.Empty));
        page.Header.Center.AddText(HeaderText($"{metadata.PackTitle ?? metadata.Texts.Text(definition.Title)}: {sheet.Name}"));
        page.Header.Right.AddText(HeaderText(metadata.Subject));
        page.Footer.Left.AddText(HeaderText(metadata.Author));
        page.Footer.Right.AddText(HeaderText(metadata.Texts["page.page"]));
        page.Footer.Right.AddText(XLHFPredefinedText.PageNumber);
        page.Footer.Right.AddText(HeaderText(metadata.Texts["page.of"]));
        page.Footer.Right.AddText(XLHFPredefinedText.NumberOfPages);
    }

    /// <summary>"&amp;" starts a code in a page header: a literal one is doubled.</summary>
    private static string HeaderText(string text) => text.Replace("&", "&&", StringComparison.Ordinal);

    /// <summary>
    /// A translated header's longest word fits its column: a YAML width chosen for the English words would
    /// break a longer word (Swedish compounds) in the middle.
    /// </summary>
    private static double? WidestWord(ColumnDefinition column) =>
        column.Width is { } width && column.Header is { } header
            ? Math.Max(width, header.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Length + 2).DefaultIfEmpty(0).Max())
            : column.Width;

    /// <summary>
    /// A translated pack's text column as wide as its longest text in the first rows (to <see cref="WidestTranslatedValue"/>):
    /// the definitions' widths fit the English values, and Swedish statuses and the firm's own stage names run longer.
    /// </summary>
    private static double WidestValue(OutputColumn column, PackTable table) =>
        Math.Min(WidestTranslatedValue, table.Rows.Take(200).Select(r => column.Value(r)).OfType<string>().Select(t => t.Length + 2).DefaultIfEmpty(0).Max());

    private const double WidestTranslatedValue = 40;

    /// <summary>The lines the longest header wraps onto in its column (about one character per width unit).</summary>
    private static int HeaderLines(IEnumerable<(string Header, double Width)> headers) =>
        Math.Clamp(headers.Select(h => WrappedLines(h.Header, Math.Max(1, (int)h.Width - 1))).DefaultIfEmpty(1).Max(), 1, 4);

    private static int WrappedLines(string text, int width)
    {
        var lines = 1;
        var used = 0;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (used > 0 && used + 1 + word.Length > width)
            {
                lines++;
                used = word.Length;
            }
            else
            {
                used += (used > 0 ? 1 : 0) + word.Length;
            }
        }

        return lines;
    }

    private static List<ChartLayout> WriteSheet(XLWorkbook workbook, PackDefinition definition, SheetDefinition sheet, PackTable table, List<EscapedCell> escaped, List<StreamedSheet>? streamed, WorkbookMetadata metadata)
    {
        string Where(string field) => $"{definition.SourcePath}: sheet '{sheet.Name}': {field}";

        for (var r = 0; r < table.Rows.Count; r++)
        {
            if (table.Rows[r].Length != table.Columns.Count)
            {
                throw new ArgumentException(Where(string.Create(CultureInfo.InvariantCulture, $"row {r} has {table.Rows[r].Length} values for {table.Columns.Count} columns")), nameof(table));
            }
        }

        int Source(string column, string field) =>
            table.IndexOf(column) is var i and >= 0 ? i : throw new ArgumentException(Where($"{field}: unknown column '{column}' (the table has {string.Join(", ", table.Columns)})"));

        var columns = (sheet.Columns ?? table.Columns.Select(c => new ColumnDefinition(c, null, null, null)).ToList())
            .Select(c => metadata.Texts.IsEnglish ? c : c with { Width = WidestWord(c) })
            .SelectMany(c => c.SourcePattern is { } pattern
                ? table.Columns.Where(name => Matches(pattern, name))
                    .Select(name => OutputColumn.FromTable(c with { Source = name, SourcePattern = null }, table.IndexOf(name), table, metadata.Texts))
                : [OutputColumn.FromTable(c, Source(c.Source, "columns"), table, metadata.Texts)])
            .Select(c => metadata.Texts.IsEnglish || c.Wrap || c.Width is not { } width ? c : c with { Width = Math.Max(width, WidestValue(c, table)) })
            .ToList();
        foreach (var currency in (sheet.Columns ?? []).Select(c => c.Currency).OfType<string>())
        {
            Source(currency, "columns.currency");
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
                var parts = chart.Category.Select(c => Source(c, "chart.category")).ToList();
                var header = string.Join(" / ", chart.Category.Select(c => columns.Find(o => o.Source == c)?.Header ?? c));
                columns.Add(new OutputColumn(header, null, null, ColumnFormat.Text, row => string.Join(" / ", parts.Select(p => CategoryText(metadata.Texts.Value(row[p]))))) { Helper = true });
                categoryColumn = columns.Count - 1;
            }

            if (categoryColumn < 0)
            {
                throw new ArgumentException(Where($"chart.category: column '{chart.Category[0]}' is not among the sheet's columns"));
            }

            foreach (var series in chart.Series.Concat(chart.ReferenceSeries ?? []).Concat(chart.MarkerSeries ?? []))
            {
                if (!columns.Exists(c => c.Source == series))
                {
                    throw new ArgumentException(Where($"chart.series: column '{series}' is not among the sheet's columns"));
                }
            }

            foreach (var split in chart.SplitBy ?? [])
            {
                Source(split, "chart.split_by");
            }

            if (chart.Target is { } target)
            {
                var format = columns.Find(c => c.Source == chart.Series[0])!.Format;
                columns.Add(new OutputColumn(metadata.Texts.Text("Target")!, null, null, format, _ => target) { Helper = true });
                targetColumn = columns.Count - 1;
            }
        }

        var worksheet = workbook.Worksheets.Add(sheet.Name);
        var titleCell = worksheet.Cell(TitleRow, 1);
        SetText(titleCell, sheet.Description ?? sheet.Name, escaped);
        titleCell.Style.Font.Bold = true;
        titleCell.Style.Font.FontSize = 13;

        for (var c = 0; c < columns.Count; c++)
        {
            var cell = worksheet.Cell(HeaderRow, c + 1);
            SetText(cell, columns[c].Header, escaped);
            cell.Style.Font.Bold = true;
            cell.Style.Fill.BackgroundColor = HeaderFill;
            cell.Style.Border.BottomBorder = XLBorderStyleValues.Thin;
            cell.Style.Alignment.WrapText = true;
            worksheet.Column(c + 1).Width = columns[c].Width ?? DefaultWidth(columns[c], table);
            if (columns[c].Helper)
            {
                worksheet.Column(c + 1).Hide();
            }
        }

        // Headers wrap rather than widen their columns; the row is made tall enough for the longest
        // header's lines, since no viewer grows it on its own for text written by ClosedXML.
        worksheet.Row(HeaderRow).Height = 15 * HeaderLines(columns.Where(c => !c.Helper).Select(c => (c.Header, c.Width ?? DefaultWidth(c, table))));
        worksheet.SheetView.FreezeRows(HeaderRow);
        PrintSetup(worksheet, definition, sheet, metadata, columns.Where(c => !c.Helper).Sum(c => c.Width ?? DefaultWidth(c, table)));

        var cap = RowCap(sheet.MaxRows);
        var written = Math.Min(cap, table.Rows.Count);
        string WhereCell(int r, int c) => Where(string.Create(CultureInfo.InvariantCulture, $"row {r}, column '{columns[c].Header}'"));
        // A sheet whose cells look alike down each column has its data rows streamed into the saved file
        // (StreamedRows): ClosedXML writes only the first (so its cells' styles exist) and those whose look
        // depends on a value, text with a line feed (ClosedXML turns on wrap text). Per-cell RAG fills and
        // charts keep a sheet whole in ClosedXML; they are on short sheets.
        var streams = streamed is not null && chart is null && sheet.Conditional is not { Kind: ConditionalKind.Rag or ConditionalKind.Judged }
            && !columns.Exists(c => c.Wrap || (c.CurrencyIndex >= 0 && metadata.Currency is null)) && written > 1;
        var built = streams
            ? Enumerable.Range(0, written).Where(r => r == 0 || columns.Exists(c => c.Value(table.Rows[r]) is string text && text.Contains('\n', StringComparison.Ordinal))).ToList()
            : Enumerable.Range(0, written).ToList();
        foreach (var r in built)
        {
            var row = table.Rows[r];
            for (var c = 0; c < columns.Count; c++)
            {
                SetValue(worksheet.Cell(FirstDataRow + r, c + 1), columns[c].Value(row), escaped, () => WhereCell(r, c));
            }
        }

        if (streams)
        {
            streamed!.Add(new StreamedSheet(sheet.Name, columns.Select(c => c.Value).ToList(), table.Rows, written, built, WhereCell));
        }

        var lastRow = FirstDataRow + written - 1;
        if (written == 0)
        {
            SetText(worksheet.Cell(FirstDataRow, 1), sheet.Empty ?? metadata.Texts["sheet.empty"], escaped);
            worksheet.Cell(FirstDataRow, 1).Style.Font.Italic = true;
        }
        else
        {
            for (var c = 0; c < columns.Count; c++)
            {
                if (NumberFormat(columns[c].Format, metadata) is not { } format)
                {
                    continue;
                }

                if (!streams)
                {
                    worksheet.Range(FirstDataRow, c + 1, lastRow, c + 1).Style.NumberFormat.Format = format;
                    continue;
                }

                // Only the rows ClosedXML writes: a range would make it create every cell of the column.
                foreach (var r in built)
                {
                    worksheet.Cell(FirstDataRow + r, c + 1).Style.NumberFormat.Format = format;
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
                    worksheet.Cell(FirstDataRow + r, c + 1).Style.NumberFormat.Format = CurrencyFormat(code);
                }
            }
        }

        for (var c = 0; c < columns.Count && written > 0; c++)
        {
            if (columns[c].Wrap)
            {
                worksheet.Range(FirstDataRow, c + 1, lastRow, c + 1).Style.Alignment.WrapText = true;
                // Each row's cells start on its first line, beside the wrapped text.
                worksheet.Range(FirstDataRow, 1, lastRow, columns.Count).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
                // Viewers do not grow a row for wrapped text ClosedXML wrote: each row gets the lines its text needs.
                for (var r = 0; r < written; r++)
                {
                    var lines = WrappedLines(CategoryText(columns[c].Value(table.Rows[r])), Math.Max(1, (int)(columns[c].Width ?? 60) - 2));
                    var row = worksheet.Row(FirstDataRow + r);
                    row.Height = Math.Max(row.Height, 15 * lines);
                }
            }
        }

        worksheet.Range(HeaderRow, 1, Math.Max(lastRow, HeaderRow), columns.Count).SetAutoFilter();

        if (table.Rows.Count > written)
        {
            var note = worksheet.Cell(lastRow + 1, 1);
            string Count(int n) => n.ToString("N0", metadata.Texts.Culture);
            var text = metadata.Texts.Format("sheet.capped", Count(written), Count(table.Rows.Count), Count(table.Rows.Count - written), Count(cap));
            SetText(note, text, escaped);
            note.Style.Font.Italic = true;
        }

        if (sheet.Conditional is { } conditional && written > 0)
        {
            var targets = conditional.ColumnPattern is { } pattern
                ? Enumerable.Range(0, columns.Count).Where(i => columns[i].Source is { } source && Matches(pattern, source)).ToList()
                : [columns.FindIndex(o => o.Source == conditional.Column)];
            if (targets.Count == 0 || targets[0] < 0)
            {
                throw new ArgumentException(Where($"conditional: column '{conditional.ColumnPattern ?? conditional.Column}' is not among the sheet's columns"));
            }

            foreach (var c in targets)
            {
                if (conditional.Kind == ConditionalKind.Judged)
                {
                    var verdictColumn = conditional.ColumnPattern is null ? conditional.By! : columns[c].Source + conditional.By;
                    var verdict = Source(verdictColumn, "conditional.by");
                    ApplyVerdicts(worksheet, c + 1, lastRow, r => table.Rows[r][verdict] as string);
                    continue;
                }

                ApplyConditional(worksheet, conditional, c + 1, lastRow, r => columns[c].Value(table.Rows[r]));
            }
        }

        if (chart is null || written == 0)
        {
            return [];
        }

        var rows = table.Rows.Take(written).ToList();
        var valueColumnFormat = columns.Find(c => c.Source == chart.Series[0])!.Format;
        var valueFormat = NumberFormat(valueColumnFormat, metadata) ?? "General";
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
            var firstRow = FirstDataRow + start;
            SeriesLayout Series(int c) => new(c + 1, columns[c].Header, block.Select(r => ToDouble(columns[c].Value(r), () => Where($"chart series '{columns[c].Header}'"))).ToList());
            var title = splitColumns.Count == 0 ? chart.Title : (chart.Title is null ? key : $"{chart.Title}: {key}");
            var series = chart.Series.Select(s => Series(columns.FindIndex(c => c.Source == s))).ToList();
            start = end + 1;
            // A page break above each chart: no chart is split across two printed pages.
            worksheet.PageSetup.AddHorizontalPageBreak(ChartTopRow(Math.Max(lastRow, FirstDataRow), layouts.Count) - 1);
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
                Math.Max(lastRow, FirstDataRow),
                categoryColumn + 1,
                block.Select(r => CategoryText(columns[categoryColumn].Value(r))).ToList(),
                series,
                (chart.ReferenceSeries ?? []).Select(s => Series(columns.FindIndex(c => c.Source == s))).ToList(),
                targetColumn < 0 ? null : Series(targetColumn),
                valueFormat,
                (chart.MarkerSeries ?? []).Select(s => Series(columns.FindIndex(c => c.Source == s))).ToList())
            {
                ValueColumnFormat = valueColumnFormat,
            });
        }

        return layouts;
    }

    private static string GroupKey(object?[] row, List<int> columns) =>
        string.Join(" / ", columns.Select(c => CategoryText(row[c])));

    private static bool Matches(string pattern, string name) =>
        System.Text.RegularExpressions.Regex.IsMatch(name, pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>
    /// Writes text as text. ClosedXML 0.95 turns a value assigned through <c>Value</c> that starts
    /// with '=' into a formula; <c>SetValue&lt;string&gt;</c> plus an explicit Text type never does.
    /// ClosedXML writes control characters and carriage returns raw, which fails or turns CR into LF,
    /// so such text is written escaped into the saved file by <see cref="EscapedText"/>.
    /// </summary>
    private static void SetText(IXLCell cell, string text, List<EscapedCell> escaped)
    {
        if (XmlText.NeedsEncoding(text))
        {
            escaped.Add(new EscapedCell(cell.Worksheet.Name, cell.Address.ToStringRelative(), XmlText.Encode(text)));
            text = XmlText.Encode(text);
        }

        cell.SetValue(text);
        cell.DataType = XLDataType.Text;
    }

    private static void SetValue(IXLCell cell, object? value, List<EscapedCell> escaped, Func<string> where)
    {
        switch (value)
        {
            case null:
                break;
            case string text:
                SetText(cell, text, escaped);
                break;
            case long number:
                cell.SetValue(number);
                break;
            case int number:
                cell.SetValue(number);
                break;
            case double number when double.IsFinite(number):
                cell.SetValue(number);
                break;
            case decimal number:
                cell.SetValue(number);
                break;
            case bool flag:
                cell.SetValue(flag);
                break;
            case DateOnly date:
                cell.SetValue(date.ToDateTime(TimeOnly.MinValue));
                break;
            case DateTime timestamp when timestamp.Kind != DateTimeKind.Local:
                cell.SetValue(ToSecond(timestamp));
                break;
            default:
                throw Unwritable(value, where);
        }
    }

    /// <summary>
    /// The number a cell stores for a numeric, date or time value, as ClosedXML stores it through
    /// <see cref="SetValue"/> (dates as OLE Automation serials); ClosedXML writes it with 15 significant digits.
    /// </summary>
    internal static double CellNumber(object value, Func<string> where) => value switch
    {
        long number => number,
        int number => number,
        double number when double.IsFinite(number) => number,
        // Through its text, as ClosedXML converts it: a cast can be one unit off in the last place.
        decimal number => double.Parse(number.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        DateOnly date => date.ToDateTime(TimeOnly.MinValue).ToOADate(),
        DateTime timestamp when timestamp.Kind != DateTimeKind.Local => ToSecond(timestamp).ToOADate(),
        _ => throw Unwritable(value, where),
    };

    /// <summary>
    /// Cells show whole seconds and Excel rounds to them: an end-of-day deadline (23:59:59.999999)
    /// would read as midnight of the next day. Truncated, it reads 23:59:59.
    /// </summary>
    private static DateTime ToSecond(DateTime timestamp) => timestamp.AddTicks(-(timestamp.Ticks % TimeSpan.TicksPerSecond));

    /// <summary>NaN, infinities and local times have no faithful cell value; a wrong figure is worse than no pack.</summary>
    private static ArgumentException Unwritable(object value, Func<string> where) =>
        new($"{where()}: cannot write {value.GetType().Name} value '{Convert.ToString(value, CultureInfo.InvariantCulture)}'");

    private static void ApplyConditional(IXLWorksheet worksheet, ConditionalDefinition conditional, int column, int lastRow, Func<int, object?> valueAt)
    {
        if (conditional.Kind == ConditionalKind.ColorScale)
        {
            var scale = worksheet.Range(FirstDataRow, column, lastRow, column).AddConditionalFormat().ColorScale();
            if (conditional.RedBelow is { } red && conditional.AmberBelow is { } amber)
            {
                // Fixed points, so a colour means the same in every month and every pack.
                scale.Minimum(XLCFContentType.Number, red.ToString("R", CultureInfo.InvariantCulture), XLColor.FromHtml("#F8696B"))
                    .Midpoint(XLCFContentType.Number, amber.ToString("R", CultureInfo.InvariantCulture), XLColor.FromHtml("#FFEB84"))
                    .HighestValue(XLColor.FromHtml("#63BE7B"));
            }
            else
            {
                scale.LowestValue(XLColor.FromHtml("#FFFFFF")).HighestValue(XLColor.FromHtml("#5A8AC6"));
            }

            return;
        }

        // Fills computed here look the same in every viewer and leave empty cells unfilled,
        // where an Excel "less than" rule would paint blanks red.
        for (var r = FirstDataRow; r <= lastRow; r++)
        {
            if (ToDouble(valueAt(r - FirstDataRow), () => "") is not { } value)
            {
                continue;
            }

            var (fill, font) = value < conditional.RedBelow ? Red : value < conditional.AmberBelow ? Amber : Green;
            var cell = worksheet.Cell(r, column);
            cell.Style.Fill.BackgroundColor = fill;
            cell.Style.Font.FontColor = font;
        }
    }

    /// <summary>The fills of a judged rule: the verdict the query gave each row (judge(), queries/_judge.sql).</summary>
    private static void ApplyVerdicts(IXLWorksheet worksheet, int column, int lastRow, Func<int, string?> verdictAt)
    {
        for (var r = FirstDataRow; r <= lastRow; r++)
        {
            (XLColor Fill, XLColor Font)? look = verdictAt(r - FirstDataRow) switch
            {
                "Red" => Red,
                "Amber" => Amber,
                "Green" => Green,
                "Too few cases" => Grey,
                _ => null,
            };
            if (look is { } l)
            {
                var cell = worksheet.Cell(r, column);
                cell.Style.Fill.BackgroundColor = l.Fill;
                cell.Style.Font.FontColor = l.Font;
            }
        }
    }

    private static double? ToDouble(object? value, Func<string> where) => value switch
    {
        null => null,
        long number => number,
        int number => number,
        double number => number,
        decimal number => (double)number,
        _ => throw new ArgumentException($"{where()}: '{Convert.ToString(value, CultureInfo.InvariantCulture)}' is not a number"),
    };

    /// <summary>The text a category shows on a chart axis.</summary>
    internal static string CategoryText(object? value) => value switch
    {
        null => "",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime timestamp => timestamp.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool flag => flag ? "TRUE" : "FALSE",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>An amount with its currency code after it, e.g. <c>1,234.50 GBP</c>; quotes in the code are dropped.</summary>
    internal static string CurrencyFormat(string code) => $"#,##0.00 \"{code.Replace("\"", string.Empty, StringComparison.Ordinal)}\"";

    /// <summary>The cell format of a column in English.</summary>
    internal static string? NumberFormat(ColumnFormat? format) => NumberFormat(format, new WorkbookMetadata("", "", default));

    /// <summary>
    /// The cell format of a column in the workbook's language. Format codes are always written with "."
    /// and ","; a language other than English gets its locale tag (e.g. [$-41D], Swedish), by which
    /// LibreOffice shows its decimal comma and digit groups and Excel its month and day names (Excel takes
    /// separators from the reader's own settings). Money shows the policy's currency (PackLanguage.Money).
    /// </summary>
    internal static string? NumberFormat(ColumnFormat? format, WorkbookMetadata metadata)
    {
        var english = EnglishFormat(format, metadata.Currency);
        if (english is null || metadata.Texts.IsEnglish || format == ColumnFormat.Text)
        {
            return english;
        }

        var tag = PackLanguage.LocaleTag(metadata.Texts.Culture);
        return format switch
        {
            ColumnFormat.Pvalue => $"[<0.0001]\"< 0{metadata.Texts["number.decimal"]}0001\";{tag}0.0000",
            ColumnFormat.Percent => tag + "0.0\\ %",
            ColumnFormat.Datetime => tag + "yyyy-mm-dd hh:mm",
            ColumnFormat.Money => tag + PackLanguage.Money(metadata.Currency, metadata.Texts),
            _ => tag + english,
        };
    }

    private static string? EnglishFormat(ColumnFormat? format, string? currency) => format switch
    {
        ColumnFormat.Money => PackLanguage.Money(currency, ReportTexts.English),
        ColumnFormat.Text => "@",
        ColumnFormat.Integer => "#,##0",
        ColumnFormat.Decimal2 => "#,##0.00",
        ColumnFormat.Decimal1 => "0.0",
        ColumnFormat.Decimal4 => "0.0000",
        ColumnFormat.Pvalue => "[<0.0001]\"< 0.0001\";0.0000",
        ColumnFormat.Percent => "0.0%",
        ColumnFormat.Days1 => "0.0",
        ColumnFormat.Date => "yyyy-mm-dd",
        ColumnFormat.Datetime => "yyyy-mm-dd hh:mm:ss",
        _ => null,
    };

    /// <summary>A width in characters from the header and the first rows, so wide text stays readable without measuring fonts.</summary>
    private static double DefaultWidth(OutputColumn column, PackTable table)
    {
        var longest = table.Rows.Take(200).Select(r => column.Format switch
        {
            ColumnFormat.Date => 10,
            ColumnFormat.Datetime => 19,
            _ => CategoryText(column.Value(r)).Length,
        }).DefaultIfEmpty(0).Max();
        return Math.Clamp(Math.Max(longest, column.Header.Length) + 2, 8, 60);
    }

    /// <summary>A column as written: a table column, or a helper computed from the row.</summary>
    private sealed record OutputColumn(string Header, string? Source, double? Width, ColumnFormat? Format, Func<object?[], object?> Value)
    {
        /// <summary>A column only the chart reads: hidden, so the reader sees the table's own columns.</summary>
        public bool Helper { get; init; }

        public bool Wrap { get; init; }

        /// <summary>The index of the table column with each row's currency code, or -1.</summary>
        public int CurrencyIndex { get; init; } = -1;

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
}

/// <summary>Where one chart's data sits (rows <see cref="FirstDataRow"/> to <see cref="LastDataRow"/>), and the values for its caches.</summary>
/// <param name="Index">The chart's place among its sheet's charts, top to bottom.</param>
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
internal sealed record SeriesLayout(int Column, string Header, IReadOnlyList<double?> Values);
