using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace ComplianceAnalytics.Packs;

/// <summary>
/// Adds native charts to a saved workbook with the Open XML SDK (ClosedXML 0.95 cannot write charts).
/// Child elements are appended in the order the schema demands. This file places the drawing and builds
/// the chart space; the series and the axes are in ChartWriter.Series.cs and ChartWriter.Axes.cs.
/// </summary>
internal static partial class ChartWriter
{
    private const string DrawingRelationshipId = "rIdPackDrawing";
    private const string ChartRelationshipId = "rIdPackChart";
    private const uint CategoryAxisId = 500100;
    private const uint ValueAxisId = 500200;

    public static void AddCharts(SpreadsheetDocument document, IReadOnlyList<ChartLayout> charts)
    {
        var workbookPart = document.WorkbookPart ?? throw new InvalidOperationException("The workbook has no workbook part.");
        foreach (var sheet in charts.GroupBy(c => c.SheetName, StringComparer.Ordinal))
        {
            AddCharts(EscapedText.WorksheetPart(workbookPart, sheet.Key), sheet.ToList());
        }
    }

    /// <summary>A reference such as <c>'Sheet Name'!$B$3:$B$14</c>; names are always quoted, apostrophes doubled.</summary>
    internal static string Reference(string sheetName, int column, int firstRow, int lastRow) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"'{sheetName.Replace("'", "''", StringComparison.Ordinal)}'!${ColumnLetters(column)}${firstRow}:${ColumnLetters(column)}${lastRow}");

    internal static string ColumnLetters(int column)
    {
        var letters = "";
        for (var n = column; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    private static void AddCharts(WorksheetPart worksheetPart, IReadOnlyList<ChartLayout> layouts)
    {
        var drawingsPart = worksheetPart.AddNewPart<DrawingsPart>(DrawingRelationshipId);
        var drawing = NewDrawing();
        foreach (var layout in layouts)
        {
            var relationshipId = ChartRelationshipId + (layout.Index + 1).ToString(CultureInfo.InvariantCulture);
            var chartPart = drawingsPart.AddNewPart<ChartPart>(relationshipId);
            chartPart.ChartSpace = BuildChartSpace(layout);
            drawing.Append(Anchor(layout, relationshipId));
        }

        drawingsPart.WorksheetDrawing = drawing;
        AttachDrawing(worksheetPart);
    }

    private static void AttachDrawing(WorksheetPart worksheetPart)
    {
        var worksheet = worksheetPart.Worksheet;
        var drawing = new Drawing { Id = DrawingRelationshipId };
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

        worksheet.Save();
    }

    private static Xdr.TwoCellAnchor Anchor(ChartLayout layout, string relationshipId)
    {
        // Below the table, from its first column, one chart after another (one per group of a split
        // chart) with a row between: the table prints at the page's width, each chart on its own page
        // (WorkbookWriter puts a page break above each).
        var fromColumn = 0;
        var fromRow = WorkbookWriter.ChartTopRow(layout.TableLastRow, layout.Index) - 1;
        var id = (uint)layout.Index + 2;
        return new Xdr.TwoCellAnchor(
            Marker(new Xdr.FromMarker(), fromColumn, fromRow),
            Marker(new Xdr.ToMarker(), fromColumn + WorkbookWriter.ChartWidthColumns, fromRow + WorkbookWriter.ChartHeightRows),
            new Xdr.GraphicFrame(
                new Xdr.NonVisualGraphicFrameProperties(
                    new Xdr.NonVisualDrawingProperties { Id = id, Name = string.Create(CultureInfo.InvariantCulture, $"Chart {id - 1}") },
                    new Xdr.NonVisualGraphicFrameDrawingProperties()),
                new Xdr.Transform(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = 0L, Cy = 0L }),
                new A.Graphic(new A.GraphicData(new C.ChartReference { Id = relationshipId })
                {
                    Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart",
                }))
            { Macro = "" },
            new Xdr.ClientData())
        { EditAs = Xdr.EditAsValues.OneCell };
    }

    private static Xdr.WorksheetDrawing NewDrawing()
    {
        var drawing = new Xdr.WorksheetDrawing();
        drawing.AddNamespaceDeclaration("xdr", "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing");
        drawing.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        drawing.AddNamespaceDeclaration("c", "http://schemas.openxmlformats.org/drawingml/2006/chart");
        drawing.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        return drawing;
    }

    private static T Marker<T>(T marker, int column, int row)
        where T : OpenXmlCompositeElement
    {
        marker.Append(
            new Xdr.ColumnId(column.ToString(CultureInfo.InvariantCulture)),
            new Xdr.ColumnOffset("0"),
            new Xdr.RowId(row.ToString(CultureInfo.InvariantCulture)),
            new Xdr.RowOffset("0"));
        return marker;
    }

    private static C.ChartSpace BuildChartSpace(ChartLayout layout)
    {
        var chart = layout.Chart;
        var horizontalBars = chart.Type == ChartType.StackedBar;
        var plotArea = new C.PlotArea(new C.Layout());

        if (chart.Type == ChartType.Line)
        {
            if (layout.MarkerSeries is { Count: > 0 } markers)
            {
                // Thin columns on the lines' own axes, drawn first so the lines stay on top of them.
                plotArea.Append(MarkerBars(layout, markers));
            }

            var line = new C.LineChart(new C.Grouping { Val = C.GroupingValues.Standard }, new C.VaryColors { Val = false });
            AppendLineSeries(line, layout);
            AppendOverlaySeries(line, layout, layout.Series.Count);
            line.Append(new C.ShowMarker { Val = true }, new C.AxisId { Val = CategoryAxisId }, new C.AxisId { Val = ValueAxisId });
            plotArea.Append(line);
        }
        else
        {
            var stacked = chart.Type is ChartType.StackedBar or ChartType.StackedColumn;
            var bar = new C.BarChart(
                new C.BarDirection { Val = horizontalBars ? C.BarDirectionValues.Bar : C.BarDirectionValues.Column },
                new C.BarGrouping { Val = stacked ? C.BarGroupingValues.Stacked : C.BarGroupingValues.Clustered },
                new C.VaryColors { Val = false });
            for (var i = 0; i < layout.Series.Count; i++)
            {
                bar.Append(new C.BarChartSeries(
                    new C.Index { Val = (uint)i },
                    new C.Order { Val = (uint)i },
                    SeriesText(layout, layout.Series[i]),
                    new C.ChartShapeProperties(Solid(SeriesColor(layout, i))),
                    new C.InvertIfNegative { Val = false },
                    Categories(layout),
                    Values(layout, layout.Series[i])));
            }

            bar.Append(new C.GapWidth { Val = (ushort)80 });
            if (stacked)
            {
                bar.Append(new C.Overlap { Val = (sbyte)100 });
            }

            bar.Append(new C.AxisId { Val = CategoryAxisId }, new C.AxisId { Val = ValueAxisId });
            plotArea.Append(bar);

            if (layout.Target is not null || layout.ReferenceSeries.Count > 0)
            {
                // Target and reference lines share the bars' axes, so they line up with the categories and the scale.
                var line = new C.LineChart(new C.Grouping { Val = C.GroupingValues.Standard }, new C.VaryColors { Val = false });
                AppendOverlaySeries(line, layout, layout.Series.Count);
                line.Append(new C.ShowMarker { Val = false }, new C.AxisId { Val = CategoryAxisId }, new C.AxisId { Val = ValueAxisId });
                plotArea.Append(line);
            }
        }

        plotArea.Append(CategoryAxis(layout, horizontalBars), ValueAxis(layout, horizontalBars));

        var chartElement = new C.Chart();
        if (layout.Title is { } title)
        {
            chartElement.Append(Title(title, 1400, rotated: false));
        }

        chartElement.Append(
            new C.AutoTitleDeleted { Val = layout.Title is null },
            plotArea,
            new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom }, new C.Overlay { Val = false }),
            // The helper columns a chart reads (joined categories, the target) are hidden on the sheet.
            new C.PlotVisibleOnly { Val = false },
            new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap });

        var space = new C.ChartSpace(
            new C.Date1904 { Val = false },
            new C.EditingLanguage { Val = "en-GB" },
            new C.RoundedCorners { Val = false },
            chartElement);
        space.AddNamespaceDeclaration("c", "http://schemas.openxmlformats.org/drawingml/2006/chart");
        space.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        space.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        return space;
    }

}
