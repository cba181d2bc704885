using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace ComplianceAnalytics.Publishing;

/// <summary>
/// Puts a picture (the director's <see cref="BoardPicture"/>) on a saved workbook's cover, the first sheet, one
/// blank row under its last row, at the picture's own pixel size. ClosedXML 0.95.4 cannot add pictures without
/// System.Drawing, so this is done with the Open XML SDK after the workbook is saved, as <see cref="BreachTimelines"/> is.
/// The cover is then fitted to one printed page.
/// </summary>
public static class CoverPicture
{
    /// <summary>Puts <paramref name="png"/> on the cover of the saved workbook at <paramref name="path"/>, named <paramref name="name"/> with <paramref name="description"/> as its alternative text.</summary>
    public static void Insert(string path, byte[] png, string name, string description)
    {
        ArgumentNullException.ThrowIfNull(png);
        int width, height;
        using (var bitmap = SkiaSharp.SKBitmap.Decode(png))
        {
            (width, height) = (bitmap.Width, bitmap.Height);
        }

        using var document = SpreadsheetDocument.Open(path, isEditable: true);
        var workbookPart = document.WorkbookPart!;
        var cover = workbookPart.Workbook.Sheets!.Elements<Sheet>().First();
        var worksheetPart = (WorksheetPart)workbookPart.GetPartById(cover.Id!);
        var worksheet = worksheetPart.Worksheet;
        var lastRow = worksheet.GetFirstChild<SheetData>()?.Elements<Row>().LastOrDefault()?.RowIndex?.Value ?? 0;

        var drawingsPart = worksheetPart.DrawingsPart;
        if (drawingsPart is null)
        {
            drawingsPart = worksheetPart.AddNewPart<DrawingsPart>();
            drawingsPart.WorksheetDrawing = new Xdr.WorksheetDrawing();
            var drawing = new Drawing { Id = worksheetPart.GetIdOfPart(drawingsPart) };
            // <drawing> must precede these in CT_Worksheet.
            var successor = worksheet.ChildElements.FirstOrDefault(e =>
                e is LegacyDrawing or LegacyDrawingHeaderFooter or DrawingHeaderFooter or Picture or OleObjects or Controls
                    or WebPublishItems or TableParts or WorksheetExtensionList);
            if (successor is null)
            {
                worksheet.Append(drawing);
            }
            else
            {
                worksheet.InsertBefore(drawing, successor);
            }
        }

        var imagePart = drawingsPart.AddImagePart(ImagePartType.Png);
        using (var stream = new MemoryStream(png))
        {
            imagePart.FeedData(stream);
        }

        var shapes = drawingsPart.WorksheetDrawing!;
        var id = (uint)shapes.ChildElements.Count + 1;
        // Row index lastRow (0-based) is the blank row under the cover's last row; the picture starts on the next.
        shapes.Append(WorkbookPictures.Anchor(drawingsPart.GetIdOfPart(imagePart), id, lastRow + 1, width, height, name, description));
        shapes.Save();
        // A cover is read as one page; with a picture two panels high (three or four stages) it would run
        // onto a second, so this sheet alone is fitted to one page (its text is a dozen lines).
        if (worksheet.GetFirstChild<PageSetup>() is { } setup)
        {
            setup.FitToHeight = 1;
        }

        worksheet.Save();
    }
}
