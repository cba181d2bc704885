using System.Globalization;
using ClosedXML.Excel;
using ComplianceAnalytics.Measures;
using NodaTime;

namespace ComplianceAnalytics.Packs;

/// <summary>
/// The firm a return workbook is for, and its period as local dates (last day inclusive);
/// <paramref name="DataEndsAt"/>, its last event (local time) when its data stops short of the period's end.
/// </summary>
public sealed record ReturnFirm(string Org, string Name, string TimeZone, string Period, LocalDate FirstDay, LocalDate LastDay, LocalDateTime? DataEndsAt = null);

/// <summary>One row of complaints_return.csv: all products (<c>*</c>) or one product.</summary>
public sealed record ReturnRow(
    string Product, long Opened, long Closed, long ClosedWithin3bd, long Closed3bdTo8w, long ClosedAfter8w, long Upheld,
    decimal Redress, long OutstandingStart, long OutstandingEnd, long VulnerableOpened, long VulnerableClosed, long VulnerableUpheld);

/// <summary>One row of complaints_causes.csv.</summary>
public sealed record ReturnCause(string RootCause, long Closed, long Upheld);

/// <summary>A legal entity's part of an organisation's return.</summary>
public sealed record ReturnEntity(string Org, string LegalEntity, ReturnRow All, IReadOnlyList<ReturnRow> Products, IReadOnlyList<ReturnCause> Causes)
{
    /// <summary>No complaint opened, closed or outstanding: the nil return of contract §7.</summary>
    public bool IsNil => All.Opened == 0 && All.Closed == 0 && All.OutstandingStart == 0 && All.OutstandingEnd == 0;
}

/// <summary>Reads the return's query results into each legal entity's figures.</summary>
public static class ReturnFigures
{
    /// <summary>Each legal entity's figures from the <c>complaints_return</c> and <c>complaints_causes</c> results, in the order of the returns' rows.</summary>
    public static IReadOnlyList<ReturnEntity> Read(QueryTable returns, QueryTable causes)
    {
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentNullException.ThrowIfNull(causes);
        var r = Index(returns);
        var c = Index(causes);
        var rows = returns.Rows.Select(row => (
            Org: Text(row[r["org"]]),
            Entity: Text(row[r["legal_entity"]]),
            Row: new ReturnRow(
                Text(row[r["product"]]), Long(row[r["opened"]]), Long(row[r["closed"]]), Long(row[r["closed_within_3bd"]]),
                Long(row[r["closed_3bd_to_8w"]]), Long(row[r["closed_after_8w"]]), Long(row[r["upheld"]]),
                decimal.Parse(Text(row[r["redress"]]), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture),
                Long(row[r["outstanding_start"]]), Long(row[r["outstanding_end"]]), Long(row[r["vulnerable_opened"]]),
                Long(row[r["vulnerable_closed"]]), Long(row[r["vulnerable_upheld"]])))).ToList();
        var causeRows = causes.Rows.Select(row => (
            Org: Text(row[c["org"]]),
            Entity: Text(row[c["legal_entity"]]),
            Cause: new ReturnCause(Text(row[c["root_cause"]]), Long(row[c["closed"]]), Long(row[c["upheld"]])))).ToList();
        return rows.Where(x => x.Row.Product == "*")
            .Select(x => new ReturnEntity(
                x.Org,
                x.Entity,
                x.Row,
                rows.Where(p => p.Org == x.Org && p.Entity == x.Entity && p.Row.Product != "*").Select(p => p.Row).ToList(),
                causeRows.Where(p => p.Org == x.Org && p.Entity == x.Entity).Select(p => p.Cause).ToList()))
            .ToList();
    }

    private static Dictionary<string, int> Index(QueryTable table) =>
        table.Columns.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);

    private static string Text(object? value) => value as string ?? string.Empty;

    private static long Long(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);
}

/// <summary>
/// An organisation's complaints return as a regulator's return reads: one block per legal entity
/// (opened, closed by time band with percentages, upheld and its rate, redress, outstanding at the
/// start and end, vulnerable customers), then by product and by root cause; a nil return when
/// nothing counts; and, on a second sheet, the publication-style summary of each legal entity with
/// <see cref="PublicationThreshold"/> or more complaints opened.
/// </summary>
public static class ReturnWorkbook
{
    /// <summary>Complaints opened in the period from which a firm's figures are published (FCA DISP 1.10).</summary>
    public const int PublicationThreshold = 500;

    private static readonly XLColor HeaderFill = XLColor.FromHtml("#DDE5F0");
    private static readonly XLColor EntityFill = XLColor.FromHtml("#1F3A5F");

    /// <summary>Writes <paramref name="firm"/>'s return workbook (a Return and a Publication sheet over its legal entities) to <paramref name="path"/>, replacing it atomically.</summary>
    public static void Write(ReturnFirm firm, IReadOnlyList<ReturnEntity> entities, string path, WorkbookMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(firm);
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(metadata);
        var fullPath = Path.GetFullPath(path);
        // Written beside the target and renamed, so a reader never sees half a workbook.
        var temp = Path.Combine(Path.GetDirectoryName(fullPath)!, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        using (var workbook = new XLWorkbook())
        {
            // Every word from the firm's texts (its policy's language:), the formats from the packs' (CellFormats.NumberFormat).
            var t = new Words(metadata);
            workbook.Properties.Title = t["Complaints return"] + " " + firm.Period;
            workbook.Properties.Author = metadata.Author;
            workbook.Properties.Subject = metadata.Subject;
            workbook.Properties.Created = metadata.CreatedUtc;
            workbook.Properties.Modified = metadata.CreatedUtc;
            WriteReturn(workbook.Worksheets.Add(t["Return"]), firm, entities, t);
            WritePublication(workbook.Worksheets.Add(t["Publication"]), firm, entities, t);
            using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite);
            workbook.SaveAs(stream);
        }

        File.Move(temp, fullPath, overwrite: true);
    }

    private static void WriteReturn(IXLWorksheet sheet, ReturnFirm firm, IReadOnlyList<ReturnEntity> entities, Words t)
    {
        var row = Heading(sheet, firm, t["Complaints return"], t);
        if (entities.Count == 0 || entities.All(e => e.IsNil))
        {
            sheet.Cell(row, 1).Value = t["return.nil"];
            sheet.Cell(row, 1).Style.Font.Bold = true;
            Widths(sheet);
            return;
        }

        foreach (var entity in entities)
        {
            row = Entity(sheet, row, entity, t) + 1;
        }

        Widths(sheet);
    }

    private static int Heading(IXLWorksheet sheet, ReturnFirm firm, string title, Words t)
    {
        Text(sheet.Cell(1, 1), $"{title}: {firm.Name} ({firm.Org})");
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(1, 1).Style.Font.FontSize = 14;
        sheet.Cell(2, 1).Value = t.Texts.Format("return.period", firm.Period, t.Date(firm.FirstDay), t.Date(firm.LastDay), firm.TimeZone);
        sheet.Cell(3, 1).Value = t["return.bands"];
        sheet.Range(2, 1, 2, 8).Style.Font.Italic = true;
        sheet.Range(3, 1, 3, 8).Style.Font.Italic = true;
        if (firm.DataEndsAt is not { } last)
        {
            return 5;
        }

        // As the monthly packs' covers do: a return published with data that stops short says so first.
        sheet.Cell(4, 1).Value = t.Texts.Format("return.incomplete", t.Date(last.Date), last.ToString("HH':'mm", CultureInfo.InvariantCulture));
        sheet.Cell(4, 1).Style.Font.Bold = true;
        sheet.Cell(4, 1).Style.Font.FontColor = XLColor.FromHtml("#B00020");
        return 6;
    }

    private static int Entity(IXLWorksheet sheet, int row, ReturnEntity entity, Words t)
    {
        var a = entity.All;
        var title = sheet.Range(row, 1, row, 8);
        title.Merge();
        Text(title.FirstCell(), t.Texts.Format("return.entity", entity.LegalEntity.Length == 0 ? t["(not stated)"] : entity.LegalEntity));
        title.Style.Font.Bold = true;
        title.Style.Font.FontColor = XLColor.White;
        title.Style.Fill.BackgroundColor = EntityFill;
        row++;
        Header(sheet, row, ["", t["Complaints"], t["% of closed"]]);
        row++;
        (string Label, long Count, double? Share, bool Indent)[] lines =
        [
            (t["Outstanding at the start of the period"], a.OutstandingStart, null, false),
            (t["Opened in the period"], a.Opened, null, false),
            (t["Closed in the period"], a.Closed, null, false),
            (t["return.closed.within_3bd"], a.ClosedWithin3bd, Share(a.ClosedWithin3bd, a.Closed), true),
            (t["return.closed.3bd_to_8w"], a.Closed3bdTo8w, Share(a.Closed3bdTo8w, a.Closed), true),
            (t["return.closed.after_8w"], a.ClosedAfter8w, Share(a.ClosedAfter8w, a.Closed), true),
            (t["Upheld (in whole or in part)"], a.Upheld, Share(a.Upheld, a.Closed), false),
            (t["Outstanding at the end of the period"], a.OutstandingEnd, null, false),
            (t["Vulnerable customers: opened"], a.VulnerableOpened, null, false),
            (t["Vulnerable customers: closed"], a.VulnerableClosed, null, false),
            (t["Vulnerable customers: upheld"], a.VulnerableUpheld, Share(a.VulnerableUpheld, a.VulnerableClosed), false),
        ];
        foreach (var (label, count, share, indent) in lines)
        {
            sheet.Cell(row, 1).Value = label;
            sheet.Cell(row, 1).Style.Alignment.Indent = indent ? 2 : 0;
            sheet.Cell(row, 2).Value = count;
            if (share is { } s)
            {
                sheet.Cell(row, 3).Value = s;
                sheet.Cell(row, 3).Style.NumberFormat.Format = t.Percent;
            }

            row++;
        }

        sheet.Cell(row, 1).Value = t["Redress paid on the cases closed"];
        sheet.Cell(row, 2).Value = a.Redress;
        sheet.Cell(row, 2).Style.NumberFormat.Format = t.Money;
        row += 2;

        sheet.Cell(row, 1).Value = t["By product"];
        sheet.Cell(row, 1).Style.Font.Bold = true;
        row++;
        Header(sheet, row, [.. ProductHeaders.Select(h => t[h])]);
        row++;
        foreach (var p in entity.Products)
        {
            Text(sheet.Cell(row, 1), p.Product.Length == 0 ? t["(not stated)"] : p.Product);
            object?[] values = [p.Opened, p.Closed, p.ClosedWithin3bd, p.Closed3bdTo8w, p.ClosedAfter8w, p.Upheld, Share(p.Upheld, p.Closed), p.Redress, p.OutstandingEnd, p.VulnerableOpened, p.VulnerableClosed, p.VulnerableUpheld];
            for (var i = 0; i < values.Length; i++)
            {
                var cell = sheet.Cell(row, i + 2);
                switch (values[i])
                {
                    case long n:
                        cell.Value = n;
                        break;
                    case double d:
                        cell.Value = d;
                        cell.Style.NumberFormat.Format = t.Percent;
                        break;
                    case decimal m:
                        cell.Value = m;
                        cell.Style.NumberFormat.Format = t.Money;
                        break;
                }
            }

            row++;
        }

        row++;
        sheet.Cell(row, 1).Value = t["By root cause (cases closed in the period)"];
        sheet.Cell(row, 1).Style.Font.Bold = true;
        row++;
        Header(sheet, row, [t["Root cause"], t["Closed"], t["Upheld"], t["Upheld %"]]);
        row++;
        if (entity.Causes.Count == 0)
        {
            sheet.Cell(row, 1).Value = t["No case was closed in the period."];
            sheet.Cell(row, 1).Style.Font.Italic = true;
            row++;
        }

        foreach (var c in entity.Causes)
        {
            Text(sheet.Cell(row, 1), c.RootCause.Length == 0 ? t["(not stated)"] : c.RootCause);
            sheet.Cell(row, 2).Value = c.Closed;
            sheet.Cell(row, 3).Value = c.Upheld;
            if (Share(c.Upheld, c.Closed) is { } s)
            {
                sheet.Cell(row, 4).Value = s;
                sheet.Cell(row, 4).Style.NumberFormat.Format = t.Percent;
            }

            row++;
        }

        return row + 1;
    }

    private static void WritePublication(IXLWorksheet sheet, ReturnFirm firm, IReadOnlyList<ReturnEntity> entities, Words t)
    {
        var row = Heading(sheet, firm, t["Published complaints data"], t);
        var published = entities.Where(e => e.All.Opened >= PublicationThreshold).ToList();
        if (published.Count == 0)
        {
            sheet.Cell(row, 1).Value = t.Texts.Format("return.unpublished", PublicationThreshold);
            Widths(sheet);
            return;
        }

        Header(sheet, row, [t["Legal entity"], t["Opened"], t["Closed"], t["Closed within 3 business days"], t["Closed within 8 weeks"], t["Upheld"]]);
        row++;
        foreach (var e in published)
        {
            var a = e.All;
            Text(sheet.Cell(row, 1), e.LegalEntity.Length == 0 ? t["(not stated)"] : e.LegalEntity);
            sheet.Cell(row, 2).Value = a.Opened;
            sheet.Cell(row, 3).Value = a.Closed;
            object?[] rates = [Share(a.ClosedWithin3bd, a.Closed), Share(a.ClosedWithin3bd + a.Closed3bdTo8w, a.Closed), Share(a.Upheld, a.Closed)];
            for (var i = 0; i < rates.Length; i++)
            {
                if (rates[i] is double d)
                {
                    sheet.Cell(row, i + 4).Value = d;
                    sheet.Cell(row, i + 4).Style.NumberFormat.Format = t.Percent;
                }
            }

            row++;
        }

        sheet.Cell(row + 1, 1).Value = t["Rates are of the complaints closed in the period; within 8 weeks includes those closed within 3 business days."];
        sheet.Cell(row + 1, 1).Style.Font.Italic = true;
        Widths(sheet);
    }

    private static void Header(IXLWorksheet sheet, int row, string[] labels)
    {
        // Room for a wrapped label of three lines: a viewer does not grow the row for wrapped text.
        sheet.Row(row).Height = labels.Any(l => l.Length > 12) ? 40 : 15;
        for (var i = 0; i < labels.Length; i++)
        {
            var cell = sheet.Cell(row, i + 1);
            cell.Value = labels[i];
            cell.Style.Font.Bold = true;
            cell.Style.Fill.BackgroundColor = HeaderFill;
            cell.Style.Alignment.WrapText = true;
            cell.Style.Border.BottomBorder = XLBorderStyleValues.Thin;
        }
    }

    /// <summary>Column widths, and a printed page as wide as the widest table, so a block reads on one page.</summary>
    private static void Widths(IXLWorksheet sheet)
    {
        sheet.Column(1).Width = 40;
        sheet.Columns(2, 13).Width = 12;
        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        sheet.PageSetup.FitToPages(1, 0);
    }

    private static readonly string[] ProductHeaders =
    [
        "Product", "Opened", "Closed", "Within 3 business days", "3 business days to 8 weeks", "After 8 weeks", "Upheld", "Upheld %", "Redress",
        "Outstanding at end", "Vulnerable opened", "Vulnerable closed", "Vulnerable upheld",
    ];

    /// <summary>The workbook's words (English labels are their own keys), dates and number formats in the firm's language.</summary>
    private sealed class Words(WorkbookMetadata metadata)
    {
        public Measures.ReportTexts Texts { get; } = metadata.Texts;

        public string Percent { get; } = CellFormats.NumberFormat(ColumnFormat.Percent, metadata)!;

        public string Money { get; } = CellFormats.NumberFormat(ColumnFormat.Money, metadata)!;

        public string this[string key] => Texts[key];

        public string Date(NodaTime.LocalDate date) => Texts.Format("date.day_month_year", date.Day, Texts["month." + date.Month.ToString(CultureInfo.InvariantCulture)], date.Year);
    }

    private static double? Share(long part, long whole) => whole == 0 ? null : (double)part / whole;

    /// <summary>
    /// Writes a firm's own value (product, root cause, entity) as text: ClosedXML 0.95 makes a value
    /// assigned through <c>Value</c> that starts with '=' a formula, and reads numbers and dates out
    /// of others; a text cell never is either, whatever it starts with (=, +, -, @). Control
    /// characters, which a cell cannot hold as plain text, become spaces; the CSV files keep the
    /// value as it was.
    /// </summary>
    private static void Text(IXLCell cell, string text)
    {
        cell.SetValue(string.Concat(text.Select(ch => char.IsControl(ch) ? ' ' : ch)));
        cell.DataType = XLDataType.Text;
    }
}
