using System.Globalization;
using ClosedXML.Excel;

namespace ComplianceAnalytics.Packs;

/// <summary>Values as cells hold them: text kept as text, numbers, dates and times, and the text a value shows on a chart axis.</summary>
internal static class PackCellValues
{
    /// <summary>
    /// Writes text as text. ClosedXML 0.95 turns a value assigned through <c>Value</c> that starts
    /// with '=' into a formula; <c>SetValue&lt;string&gt;</c> plus an explicit Text type never does.
    /// ClosedXML writes control characters and carriage returns raw, which fails or turns CR into LF,
    /// so such text is written escaped into the saved file by <see cref="EscapedText"/>.
    /// </summary>
    public static void SetText(IXLCell cell, string text, List<EscapedCell> escaped)
    {
        if (XmlText.NeedsEncoding(text))
        {
            escaped.Add(new EscapedCell(cell.Worksheet.Name, cell.Address.ToStringRelative(), XmlText.Encode(text)));
            text = XmlText.Encode(text);
        }

        cell.SetValue(text);
        cell.DataType = XLDataType.Text;
    }

    public static void SetValue(IXLCell cell, object? value, List<EscapedCell> escaped, Func<string> where)
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
    public static double CellNumber(object value, Func<string> where) => value switch
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

    /// <summary>A value a chart or a fill reads as a number; null stays null, anything else not a number is an error naming where.</summary>
    public static double? ToDouble(object? value, Func<string> where) => value switch
    {
        null => null,
        long number => number,
        int number => number,
        double number => number,
        decimal number => (double)number,
        _ => throw new ArgumentException($"{where()}: '{Convert.ToString(value, CultureInfo.InvariantCulture)}' is not a number"),
    };

    /// <summary>The text a category shows on a chart axis.</summary>
    public static string CategoryText(object? value) => value switch
    {
        null => "",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime timestamp => timestamp.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool flag => flag ? "TRUE" : "FALSE",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
