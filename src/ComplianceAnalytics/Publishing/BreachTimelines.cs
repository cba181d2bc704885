using System.Globalization;
using ComplianceAnalytics.Clocks;
using ComplianceAnalytics.Measures;
using ComplianceAnalytics.Policies;
using ComplianceAnalytics.Store;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using NodaTime;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace ComplianceAnalytics.Publishing;

/// <summary>One of the month's worst breaches with its reason and its case's timeline picture.</summary>
public sealed record BreachTimeline(
    string Organisation, string CaseRef, string Stage, long Cycle, string Status, long? BusinessDaysLate, string Why, byte[] Png, int Width, int Height);

/// <summary>
/// The compliance pack's "Breach timelines" sheet: the month's worst breaches (query
/// <c>compliance_breach_timelines</c>) beside their <c>why</c>, each with its case's <see cref="TimelinePicture"/>.
/// ClosedXML 0.95.4 cannot add pictures without System.Drawing, so the sheet is added with the Open XML SDK
/// after the workbook is saved, right after the Breach register.
/// </summary>
public static class BreachTimelines
{
    /// <summary>The query (<c>queries/</c>) that ranks the month's worst breaches for the sheet.</summary>
    public const string Query = "compliance_breach_timelines";

    /// <summary>The sheet's English name; <see cref="Measures.ReportTexts"/> gives it in the firm's language.</summary>
    public const string SheetName = "Breach timelines";

    /// <summary>The sheet the timelines follow.</summary>
    public const string AfterSheet = "Breach register";

    /// <summary>Default row height in pixels (15 pt), to leave room under each picture.</summary>
    private const int RowPixels = 20;

    /// <summary>
    /// The pictures' width on the sheet in pixels: a landscape A4 page's width between its margins at 100 %, so the
    /// sheet prints at full size (LibreOffice fits a sheet to its columns, not to a picture wider than them).
    /// </summary>
    internal const int PictureWidth = 980;

    /// <summary>
    /// Column A's width in characters, within a landscape page's width in LibreOffice too (whose characters are
    /// wider than Excel's: at 130 the text ran off the page), and the characters of a wrapped line in it.
    /// </summary>
    private const int ColumnCharacters = 115;

    private const int CharactersPerLine = 105;

    /// <summary>
    /// The first <paramref name="count"/> rows of the query, each case explained as the month's figures were: at the
    /// month's end in its organisation's zone, on the events before it. Runs on the store's thread; each function
    /// draws its picture when called, so the drawing can happen on the thread that writes the workbook.
    /// </summary>
    public static List<Func<BreachTimeline>> Prepare(ComplianceStore store, PolicySet policies, Measures.QueryTable rows, YearMonth month, int count)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(rows);
        int Column(string name) => rows.Columns.ToList().IndexOf(name);
        var (orgName, org, caseRef, stage, cycle, status, late, why) = (
            Column("org_name"), Column("org"), Column("case_ref"), Column("stage"), Column("cycle"), Column("status"),
            Column("business_days_late"), Column("why"));
        var timelines = new List<Func<BreachTimeline>>();
        foreach (var row in rows.Rows.Take(count))
        {
            var policy = policies.Find((string)row[org]!)!;
            var asOf = ReportContext.MonthEnd(month, policy.TimeZone);
            var explanation = CaseExplanation.Explain(store, policies, policy.Org, (string)row[caseRef]!, asOf, Measures.ReportTexts.English, eventsBeforeAsOf: true);
            var texts = ReportTexts.For(policy.Language);
            var (width, height) = TimelinePicture.Size(explanation);
            var (name, reference, stageName, cycleNumber, statusName, daysLate, reason) = (
                (string)row[orgName]!, (string)row[caseRef]!, (string)row[stage]!, Convert.ToInt64(row[cycle], CultureInfo.InvariantCulture),
                (string)row[status]!, row[late] is null ? (long?)null : Convert.ToInt64(row[late], CultureInfo.InvariantCulture),
                (string?)row[why] ?? string.Empty);
            timelines.Add(() => new BreachTimeline(
                name, reference, stageName, cycleNumber, statusName, daysLate, reason, TimelinePicture.Render(explanation, texts), width, height));
        }

        return timelines;
    }

    /// <summary>Adds the sheet to the saved workbook at <paramref name="path"/>, after <see cref="AfterSheet"/> (at the end without it).</summary>
    /// <param name="path">The saved workbook, changed in place.</param>
    /// <param name="timelines">The breaches to draw, in the order of the sheet's rows (from <see cref="Prepare"/>).</param>
    /// <param name="texts">The firm's language: the sheet's name and sentences, and the register's name it follows; English when null.</param>
    public static void Insert(string path, IReadOnlyList<BreachTimeline> timelines, Measures.ReportTexts? texts = null)
    {
        ArgumentNullException.ThrowIfNull(timelines);
        texts ??= Measures.ReportTexts.English;
        var sheetName = texts.Text(SheetName)!;
        var afterSheet = texts.Text(AfterSheet)!;
        using var document = SpreadsheetDocument.Open(path, isEditable: true);
        var workbookPart = document.WorkbookPart!;
        var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
        var drawingsPart = worksheetPart.AddNewPart<DrawingsPart>();
        var drawing = new Xdr.WorksheetDrawing();
        drawingsPart.WorksheetDrawing = drawing;

        var wrapped = WrappedStyle(workbookPart);
        var data = new SheetData();
        uint rowIndex = 1;
        AddRow(data, rowIndex++, texts["timelines.title"], wrapped);
        AddRow(data, rowIndex++, timelines.Count == 0 ? texts["timelines.none"] : string.Empty);
        uint pictureId = 1;
        // Each breach after the first starts a printed page, so no picture is cut across two.
        var breaks = new RowBreaks();
        foreach (var t in timelines)
        {
            if (pictureId > 1)
            {
                breaks.Append(new Break { Id = rowIndex - 1, Max = 16383U, ManualPageBreak = true });
            }

            var late = t.BusinessDaysLate is { } days ? texts.Format("timelines.late", days.ToString(CultureInfo.InvariantCulture)) : string.Empty;
            var status = texts.Value(t.Status) as string == t.Status ? t.Status.Replace('_', ' ') : (string)texts.Value(t.Status)!;
            AddRow(data, rowIndex++, texts.Format("timelines.case", t.Organisation, t.CaseRef, t.Stage, t.Cycle.ToString(CultureInfo.InvariantCulture), status) + (late.Length > 0 ? ", " + late : string.Empty));
            AddRow(data, rowIndex++, t.Why, wrapped);
            var imagePart = drawingsPart.AddImagePart(ImagePartType.Png);
            using (var stream = new MemoryStream(t.Png))
            {
                imagePart.FeedData(stream);
            }

            var (width, height) = Shown(t.Width, t.Height);
            drawing.Append(WorkbookPictures.Anchor(
                drawingsPart.GetIdOfPart(imagePart), pictureId++, rowIndex - 1, width, height, "Timeline " + t.CaseRef, "Timeline of case " + t.CaseRef));
            rowIndex += (uint)((height + RowPixels - 1) / RowPixels) + 2;
        }

        // Printed as the pack's other sheets are: fitted to the page's width, landscape for the pictures,
        // with the Breach register's page header (firm, pack, month) naming this sheet.
        var register = workbookPart.Workbook.Sheets!.Elements<Sheet>().FirstOrDefault(s => s.Name == afterSheet);
        var registerHeader = register is null
            ? null
            : ((WorksheetPart)workbookPart.GetPartById(register.Id!)).Worksheet.GetFirstChild<HeaderFooter>();
        var worksheet = new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetViews(new SheetView { WorkbookViewId = 0, ShowGridLines = false }),
            // Rows of 15 pt (20 pixels) stated, not left to the reader's default, so the pictures' rows are as counted.
            new SheetFormatProperties { DefaultRowHeight = 15, CustomHeight = true },
            new Columns(new Column { Min = 1, Max = 1, Width = ColumnCharacters, CustomWidth = true }),
            data,
            new PageMargins { Left = 0.5, Right = 0.5, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 },
            new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToHeight = 0 });
        if (registerHeader is not null)
        {
            var header = (HeaderFooter)registerHeader.CloneNode(true);
            if (header.OddHeader is { } odd)
            {
                odd.Text = odd.Text.Replace(afterSheet, sheetName, StringComparison.Ordinal);
            }

            worksheet.Append(header);
        }

        if (breaks.HasChildren)
        {
            breaks.Count = breaks.ManualBreakCount = (uint)breaks.ChildElements.Count;
            worksheet.Append(breaks);
        }

        worksheet.Append(new DocumentFormat.OpenXml.Spreadsheet.Drawing { Id = worksheetPart.GetIdOfPart(drawingsPart) });
        worksheetPart.Worksheet = worksheet;

        var sheets = workbookPart.Workbook.Sheets!;
        var list = sheets.Elements<Sheet>().ToList();
        var after = list.FindIndex(s => s.Name == afterSheet);
        var position = after < 0 ? list.Count : after + 1;
        var sheet = new Sheet
        {
            Id = workbookPart.GetIdOfPart(worksheetPart),
            SheetId = list.Max(s => s.SheetId!.Value) + 1,
            Name = sheetName,
        };
        if (position < list.Count)
        {
            sheets.InsertBefore(sheet, list[position]);
            // Sheet-local defined names (filters, print titles) count sheets by position: those after move on.
            foreach (var name in workbookPart.Workbook.DefinedNames?.Elements<DefinedName>() ?? [])
            {
                if (name.LocalSheetId is { } local && local.Value >= position)
                {
                    name.LocalSheetId = local.Value + 1;
                }
            }
        }
        else
        {
            sheets.Append(sheet);
        }

        workbookPart.Workbook.Save();
    }

    /// <summary>A picture's size on the sheet: at most <see cref="PictureWidth"/> wide, its proportions kept.</summary>
    internal static (int Width, int Height) Shown(int width, int height) =>
        width <= PictureWidth ? (width, height) : (PictureWidth, (int)Math.Round((double)height * PictureWidth / width));

    /// <summary>
    /// A row with one text cell in column A. With <paramref name="wrappedStyle"/> the text wraps in the column, as
    /// wide as a picture, and the row is made tall enough for it (a reader does not resize rows on opening).
    /// </summary>
    private static void AddRow(SheetData data, uint index, string text, uint? wrappedStyle = null)
    {
        var row = new Row { RowIndex = index };
        if (text.Length > 0)
        {
            var cell = new Cell
            {
                CellReference = "A" + index.ToString(CultureInfo.InvariantCulture),
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
            };
            if (wrappedStyle is { } style)
            {
                cell.StyleIndex = style;
                row.Height = 15.0 * ((text.Length + CharactersPerLine - 1) / CharactersPerLine);
                row.CustomHeight = true;
            }

            row.Append(cell);
        }

        data.Append(row);
    }

    /// <summary>A cell format that wraps text at the top of its cell, added to the saved workbook's styles.</summary>
    private static uint WrappedStyle(WorkbookPart workbookPart)
    {
        var formats = workbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!;
        formats.Append(new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top })
        {
            NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, ApplyAlignment = true,
        });
        formats.Count = (uint)formats.ChildElements.Count;
        workbookPart.WorkbookStylesPart.Stylesheet.Save();
        return formats.Count.Value - 1;
    }
}
