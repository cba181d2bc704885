namespace ComplianceAnalytics.Packs;

/// <summary>Column widths and row heights, estimated in characters (no font is measured).</summary>
internal static class ColumnWidths
{

    /// <summary>
    /// A translated header's longest word fits its column: a YAML width chosen for the English words would
    /// break a longer word (Swedish compounds) in the middle.
    /// </summary>
    public static double? WidestWord(ColumnDefinition column) =>
        column.Width is { } width && column.Header is { } header
            ? Math.Max(width, header.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Length + 2).DefaultIfEmpty(0).Max())
            : column.Width;

    /// <summary>
    /// A text column as wide as its longest text in the first rows (to <see cref="WidestTranslatedValue"/>): the
    /// definitions' widths fit the sample's English values, and Swedish statuses and a firm's own stage names, in
    /// any language ("Department manager's response"), run longer and were cut.
    /// </summary>
    public static double WidestValue(OutputColumn column, PackTable table) =>
        Math.Min(WidestTranslatedValue, table.Rows.Take(200).Select(r => column.Value(r)).OfType<string>().Select(t => t.Length + 2).DefaultIfEmpty(0).Max());

    private const double WidestTranslatedValue = 40;

    /// <summary>
    /// The lines the longest header wraps onto in its column: bold letters are about a tenth wider than the width
    /// unit (LibreOffice wrapped "Andel av klagomålen" onto a third line the row had no room for).
    /// </summary>
    public static int HeaderLines(IEnumerable<(string Header, double Width)> headers) =>
        Math.Clamp(headers.Select(h => WrappedLines(h.Header, Math.Max(1, (int)(h.Width / 1.1) - 1))).DefaultIfEmpty(1).Max(), 1, 4);

    public static int WrappedLines(string text, int width)
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

    /// <summary>A width in characters from the header and the first rows, so wide text stays readable without measuring fonts.</summary>
    public static double DefaultWidth(OutputColumn column, PackTable table)
    {
        var longest = table.Rows.Take(200).Select(r => column.Format switch
        {
            ColumnFormat.Date => 10,
            ColumnFormat.Datetime => 19,
            _ => PackCellValues.CategoryText(column.Value(r)).Length,
        }).DefaultIfEmpty(0).Max();
        return Math.Clamp(Math.Max(longest, column.Header.Length) + 2, 8, 60);
    }
}
