using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ComplianceAnalytics.Packs;

/// <summary>A text cell whose text needs the OOXML escape; <see cref="Text"/> is already escaped.</summary>
internal sealed record EscapedCell(string SheetName, string Reference, string Text);

/// <summary>
/// Rewrites text cells that hold control characters or carriage returns as inline strings with the
/// OOXML <c>_xHHHH_</c> escape. ClosedXML escapes a literal "_xHHHH_" but not the characters themselves,
/// so its own output cannot carry them.
/// </summary>
internal static class EscapedText
{
    public static void Apply(SpreadsheetDocument document, IReadOnlyList<EscapedCell> cells)
    {
        var workbookPart = document.WorkbookPart ?? throw new InvalidOperationException("The workbook has no workbook part.");
        foreach (var sheet in cells.GroupBy(c => c.SheetName, StringComparer.Ordinal))
        {
            var worksheet = WorksheetPart(workbookPart, sheet.Key).Worksheet;
            var byReference = worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!, StringComparer.Ordinal);
            foreach (var escaped in sheet)
            {
                Escape(byReference[escaped.Reference], escaped.Text);
            }

            worksheet.Save();
        }
    }

    /// <summary>Makes <paramref name="cell"/> an inline string of <paramref name="text"/>, already escaped.</summary>
    public static void Escape(Cell cell, string text)
    {
        cell.CellValue = null;
        cell.DataType = CellValues.InlineString;
        cell.InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    public static WorksheetPart WorksheetPart(WorkbookPart workbookPart, string sheetName)
    {
        var sheet = workbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name?.Value == sheetName);
        return (WorksheetPart)workbookPart.GetPartById(sheet.Id!.Value!);
    }
}
