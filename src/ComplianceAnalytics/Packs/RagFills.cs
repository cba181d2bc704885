using System.Globalization;
using ClosedXML.Excel;

namespace ComplianceAnalytics.Packs;

/// <summary>A sheet's conditional look: red, amber and green fills by fixed thresholds or by the query's verdicts, or a colour scale.</summary>
internal static class RagFills
{
    private static readonly (XLColor Fill, XLColor Font) Red = (XLColor.FromHtml("#FFC7CE"), XLColor.FromHtml("#9C0006"));
    private static readonly (XLColor Fill, XLColor Font) Amber = (XLColor.FromHtml("#FFEB9C"), XLColor.FromHtml("#9C5700"));
    private static readonly (XLColor Fill, XLColor Font) Green = (XLColor.FromHtml("#C6EFCE"), XLColor.FromHtml("#006100"));
    private static readonly (XLColor Fill, XLColor Font) Grey = (XLColor.FromHtml("#E7E6E6"), XLColor.FromHtml("#595959"));

    public static void ApplyConditional(IXLWorksheet worksheet, ConditionalDefinition conditional, int column, int lastRow, Func<int, object?> valueAt)
    {
        if (conditional.Kind == ConditionalKind.ColorScale)
        {
            var scale = worksheet.Range(WorkbookWriter.FirstDataRow, column, lastRow, column).AddConditionalFormat().ColorScale();
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
        for (var r = WorkbookWriter.FirstDataRow; r <= lastRow; r++)
        {
            if (PackCellValues.ToDouble(valueAt(r - WorkbookWriter.FirstDataRow), () => "") is not { } value)
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
    public static void ApplyVerdicts(IXLWorksheet worksheet, int column, int lastRow, Func<int, string?> verdictAt)
    {
        for (var r = WorkbookWriter.FirstDataRow; r <= lastRow; r++)
        {
            (XLColor Fill, XLColor Font)? look = verdictAt(r - WorkbookWriter.FirstDataRow) switch
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
}
