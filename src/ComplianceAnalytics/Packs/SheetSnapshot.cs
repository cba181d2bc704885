using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace ComplianceAnalytics.Packs;

/// <summary>
/// A plain-text, culture-invariant dump of a workbook's cells and charts, for approved snapshot files.
/// Reads the file with the Open XML SDK so the dump shows what was stored, not what a library infers.
/// </summary>
internal static class SheetSnapshot
{
    /// <summary>The dump of the workbook at <paramref name="path"/>: each sheet's cells with their number formats, then its charts.</summary>
    public static string Describe(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var workbookPart = document.WorkbookPart ?? throw new InvalidDataException($"{path}: no workbook part");
        var shared = workbookPart.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var formats = NumberFormats(workbookPart);
        var text = new StringBuilder();
        foreach (var sheet in workbookPart.Workbook.Sheets!.Elements<Sheet>())
        {
            text.Append("== ").Append(sheet.Name?.Value).Append(" ==\n");
            var part = (WorksheetPart)workbookPart.GetPartById(sheet.Id!.Value!);
            foreach (var cell in part.Worksheet.Descendants<Cell>())
            {
                if (Value(cell, shared, formats) is { } value)
                {
                    text.Append(cell.CellReference?.Value).Append(": ").Append(value).Append('\n');
                }
            }

            foreach (var chartPart in part.DrawingsPart?.ChartParts ?? [])
            {
                DescribeChart(chartPart, text);
            }
        }

        return text.ToString();
    }

    private static string? Value(Cell cell, List<string> shared, List<string?> formats)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString && raw is not null)
        {
            return Quote(shared[int.Parse(raw!, CultureInfo.InvariantCulture)]);
        }

        if (type == CellValues.InlineString)
        {
            return Quote(cell.InlineString?.InnerText ?? "");
        }

        if (raw is null)
        {
            return null;
        }

        if (type == CellValues.String)
        {
            return Quote(raw);
        }

        if (type == CellValues.Boolean)
        {
            return raw == "1" ? "TRUE" : "FALSE";
        }

        var format = cell.StyleIndex is { } style ? formats[(int)style.Value] : null;
        var number = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
        return format switch
        {
            "yyyy-mm-dd" => DateTime.FromOADate(number).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "yyyy-mm-dd hh:mm:ss" => DateTime.FromOADate(number).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            null => raw,
            _ => $"{raw} [{format}]",
        };
    }

    /// <summary>The number format code of each cell style, null for General.</summary>
    private static List<string?> NumberFormats(WorkbookPart workbookPart)
    {
        var stylesheet = workbookPart.WorkbookStylesPart?.Stylesheet;
        var custom = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value) ?? [];
        return stylesheet?.CellFormats?.Elements<CellFormat>()
            .Select(f => f.NumberFormatId?.Value is { } id and > 0
                ? custom.TryGetValue(id, out var code) ? code : string.Create(CultureInfo.InvariantCulture, $"builtin {id}")
                : null)
            .ToList() ?? [];
    }

    private static void DescribeChart(ChartPart chartPart, StringBuilder text)
    {
        var chart = chartPart.ChartSpace.GetFirstChild<C.Chart>()!;
        text.Append("chart: ").Append(chart.Title?.InnerText ?? "(untitled)").Append('\n');
        foreach (var plot in chart.PlotArea!.ChildElements.Where(e => e is C.BarChart or C.LineChart))
        {
            var kind = plot is C.BarChart bar
                ? $"bar {bar.BarDirection?.Val?.ToString()} {bar.BarGrouping?.Val?.ToString()}"
                : "line";
            foreach (var series in plot.ChildElements.Where(e => e is C.BarChartSeries or C.LineChartSeries))
            {
                text.Append("  ").Append(kind)
                    .Append(" series ").Append(series.GetFirstChild<C.SeriesText>()?.Descendants<C.Formula>().First().Text)
                    .Append(" cat ").Append(series.GetFirstChild<C.CategoryAxisData>()?.Descendants<C.Formula>().First().Text)
                    .Append(" val ").Append(series.GetFirstChild<C.Values>()?.Descendants<C.Formula>().First().Text)
                    .Append('\n');
            }
        }
    }

    /// <summary>Quotes text and escapes control characters so they are visible in a snapshot.</summary>
    private static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in XmlText.Decode(value))
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\t' => "\\t",
                '\r' => "\\r",
                '\n' => "\\n",
                _ when char.IsControl(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }
}
