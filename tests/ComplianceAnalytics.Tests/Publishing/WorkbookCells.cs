using System.Globalization;
using ComplianceAnalytics.Packs;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace ComplianceAnalytics.Tests.Publishing;

/// <summary>A workbook's sheets as read back with the Open XML SDK: cell texts by row and column, formulas, chart references.</summary>
internal sealed class WorkbookCells
{
    private WorkbookCells(IReadOnlyList<SheetCells> sheets) => Sheets = sheets;

    public IReadOnlyList<SheetCells> Sheets { get; }

    public SheetCells this[string name] => Sheets.Single(s => s.Name == name);

    public static WorkbookCells Read(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var workbookPart = document.WorkbookPart!;
        var shared = workbookPart.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var sheets = new List<SheetCells>();
        foreach (var sheet in workbookPart.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbookPart.GetPartById(sheet.Id!.Value!);
            var cells = new Dictionary<(int Row, int Column), string>();
            var formulas = 0;
            foreach (var cell in part.Worksheet.Descendants<Cell>())
            {
                formulas += cell.CellFormula is null ? 0 : 1;
                var (row, column) = Parse(cell.CellReference!.Value!);
                var type = cell.DataType?.Value;
                // Text as Excel reads it: shared or inline, with the _xHHHH_ escape of control characters decoded.
                var text = type == CellValues.SharedString && cell.CellValue is { } index ? XmlText.Decode(shared[int.Parse(index.Text, CultureInfo.InvariantCulture)])
                    : type == CellValues.InlineString ? XmlText.Decode(cell.InlineString?.InnerText ?? "")
                    : cell.CellValue?.Text;
                if (text is not null)
                {
                    cells[(row, column)] = text;
                }
            }

            var charts = (part.DrawingsPart?.ChartParts ?? [])
                .Select(c => new ChartRefs(
                    c.ChartSpace.Descendants<C.Title>().FirstOrDefault()?.InnerText,
                    c.ChartSpace.Descendants<C.Formula>().Select(f => f.Text).ToList()))
                .ToList();
            sheets.Add(new SheetCells(sheet.Name!.Value!, cells, formulas, charts));
        }

        return new WorkbookCells(sheets);
    }

    /// <summary>"AB12" as (12, 28).</summary>
    public static (int Row, int Column) Parse(string reference)
    {
        var letters = reference.TakeWhile(char.IsAsciiLetter).ToArray();
        var column = letters.Aggregate(0, (n, c) => (n * 26) + (c - 'A' + 1));
        return (int.Parse(reference.AsSpan(letters.Length), CultureInfo.InvariantCulture), column);
    }

    /// <summary>
    /// A copy of the workbook without its pictures, for reading with ClosedXML: ClosedXML 0.95 measures a
    /// picture it loads with System.Drawing, which has no GDI+ here (the packs insert theirs with Open XML).
    /// </summary>
    public static string WithoutPictures(string path, string copyFolder)
    {
        var copy = Path.Combine(copyFolder, "nopictures-" + Path.GetFileName(path));
        File.Copy(path, copy, overwrite: true);
        using var document = SpreadsheetDocument.Open(copy, true);
        foreach (var part in document.WorkbookPart!.WorksheetParts)
        {
            if (part.DrawingsPart is not { } drawings)
            {
                continue;
            }

            foreach (var anchor in drawings.WorksheetDrawing.ChildElements.Where(a => a.Descendants<Xdr.Picture>().Any()).ToList())
            {
                anchor.Remove();
            }

            foreach (var image in drawings.ImageParts.ToList())
            {
                drawings.DeletePart(image);
            }
        }

        return copy;
    }
}

internal sealed record ChartRefs(string? Title, IReadOnlyList<string> Formulas);

internal sealed record SheetCells(string Name, IReadOnlyDictionary<(int Row, int Column), string> Cells, int Formulas, IReadOnlyList<ChartRefs> Charts)
{
    public string? At(int row, int column) => Cells.TryGetValue((row, column), out var text) ? text : null;

    /// <summary>The header row's texts, left to right, up to the first empty cell.</summary>
    public IReadOnlyList<string> Headers(int headerRow) =>
        Enumerable.Range(1, 200).Select(c => At(headerRow, c)).TakeWhile(t => t is not null).Select(t => t!).ToList();

    /// <summary>The data rows under the header as texts by header, up to the first row without a first cell.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string?>> Rows(int headerRow)
    {
        var headers = Headers(headerRow);
        var rows = new List<IReadOnlyDictionary<string, string?>>();
        for (var r = headerRow + 1; At(r, 1) is not null; r++)
        {
            rows.Add(headers.Select((h, i) => (h, At(r, i + 1))).ToDictionary(p => p.h, p => p.Item2));
        }

        return rows;
    }
}
