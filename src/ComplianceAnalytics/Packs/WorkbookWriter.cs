using ClosedXML.Excel;
using ComplianceAnalytics.Measures;
using DocumentFormat.OpenXml.Packaging;

namespace ComplianceAnalytics.Packs;

/// <summary>
/// Writes a pack workbook: per sheet a title row, a header row and typed data, then native charts.
/// </summary>
public static class WorkbookWriter
{
    /// <summary>The sheet row (1-based) of a sheet's title.</summary>
    public const int TitleRow = 1;

    /// <summary>The sheet row (1-based) of a sheet's column headers, frozen above the data and repeated on every printed page.</summary>
    public const int HeaderRow = 2;

    /// <summary>The sheet row (1-based) of a sheet's first data row.</summary>
    public const int FirstDataRow = 3;

    /// <summary>An empty sheet's line when its definition says nothing more particular, in English.</summary>
    public static string NoDataText => ReportTexts.English["sheet.empty"];

    /// <summary>Rows in an Excel sheet.</summary>
    public const int ExcelMaxRows = 1_048_576;

    /// <summary>Columns the chart is anchored across, to the right of the table.</summary>
    internal const int ChartWidthColumns = 12;

    internal const int ChartHeightRows = 22;

    /// <summary>
    /// Writes <paramref name="definition"/> to <paramref name="path"/>, replacing any file there only once
    /// the new workbook is complete.
    /// </summary>
    /// <param name="definition">The pack: its sheets, columns, fills and charts.</param>
    /// <param name="tables">The table of each sheet, keyed by sheet name or, failing that, by query name.</param>
    /// <param name="path">The workbook's path.</param>
    /// <param name="metadata">The document properties and the firm's texts and number conventions.</param>
    public static void Write(
        PackDefinition definition,
        IReadOnlyDictionary<string, PackTable> tables,
        string path,
        WorkbookMetadata metadata) =>
        Write(definition, tables, path, metadata, streamRows: true);

    /// <summary>As the public overload, choosing whether long sheets' data rows are streamed.</summary>
    /// <param name="definition">The pack: its sheets, columns, fills and charts.</param>
    /// <param name="tables">The table of each sheet, keyed by sheet name or, failing that, by query name.</param>
    /// <param name="path">The workbook's path.</param>
    /// <param name="metadata">The document properties and the firm's texts and number conventions.</param>
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
                    charts.AddRange(SheetWriter.Write(workbook, definition, PackLanguage.Localise(sheet, metadata.Texts), table, escaped, streamRows ? streamed : null, metadata));
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
}
