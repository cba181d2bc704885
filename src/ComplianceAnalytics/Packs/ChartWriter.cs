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
/// Child elements are appended in the order the schema demands.
/// </summary>
internal static class ChartWriter
{
    private const string DrawingRelationshipId = "rIdPackDrawing";
    private const string ChartRelationshipId = "rIdPackChart";
    private const uint CategoryAxisId = 500100;
    private const uint ValueAxisId = 500200;

    /// <summary>Office's default series colours, fixed so every viewer draws the same chart.</summary>
    private static readonly string[] Palette = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47", "264478", "9E480E"];

    private const string TargetColor = "C00000";

    /// <summary>Control limits and centre lines: darker greys than the palette's, so they read as guides, not data.</summary>
    private static readonly string[] ReferenceColors = ["7F7F7F", "404040", "7F7F7F"];

    /// <summary>Event markers (actions taken): purple, a colour no data or guide series uses.</summary>
    private const string MarkerColor = "7030A0";

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

    private static C.BarChart MarkerBars(ChartLayout layout, IReadOnlyList<SeriesLayout> markers)
    {
        var bar = new C.BarChart(
            new C.BarDirection { Val = C.BarDirectionValues.Column },
            new C.BarGrouping { Val = C.BarGroupingValues.Clustered },
            new C.VaryColors { Val = false });
        // After the data, reference and target series, so every series of the chart has its own index.
        var index = layout.Series.Count + layout.ReferenceSeries.Count + (layout.Target is null ? 0 : 1);
        foreach (var marker in markers)
        {
            bar.Append(new C.BarChartSeries(
                new C.Index { Val = (uint)index },
                new C.Order { Val = (uint)index },
                SeriesText(layout, marker),
                new C.ChartShapeProperties(Solid(MarkerColor)),
                new C.InvertIfNegative { Val = false },
                Categories(layout),
                Values(layout, marker)));
            index++;
        }

        // The widest gap the schema allows: each marker is a narrow bar, read as a vertical line.
        bar.Append(new C.GapWidth { Val = (ushort)500 }, new C.AxisId { Val = CategoryAxisId }, new C.AxisId { Val = ValueAxisId });
        return bar;
    }

    private static void AppendLineSeries(C.LineChart line, ChartLayout layout)
    {
        for (var i = 0; i < layout.Series.Count; i++)
        {
            var color = SeriesColor(layout, i);
            line.Append(new C.LineChartSeries(
                new C.Index { Val = (uint)i },
                new C.Order { Val = (uint)i },
                SeriesText(layout, layout.Series[i]),
                new C.ChartShapeProperties(new A.Outline(Solid(color)) { Width = 28575, CapType = A.LineCapValues.Round }),
                new C.Marker(
                    new C.Symbol { Val = C.MarkerStyleValues.Circle },
                    new C.Size { Val = (byte)5 },
                    new C.ChartShapeProperties(Solid(color), new A.Outline(Solid(color)))),
                Categories(layout),
                Values(layout, layout.Series[i]),
                new C.Smooth { Val = false }));
        }
    }

    /// <summary>Reference lines (grey, dotted) and the target line (red, dashed), without markers, after the data series.</summary>
    private static void AppendOverlaySeries(C.LineChart line, ChartLayout layout, int firstIndex)
    {
        var index = firstIndex;
        foreach (var reference in layout.ReferenceSeries)
        {
            line.Append(DashedSeries(layout, reference, index++, ReferenceColors[(index - firstIndex - 1) % ReferenceColors.Length], A.PresetLineDashValues.SystemDash));
        }

        if (layout.Target is { } target)
        {
            line.Append(DashedSeries(layout, target, index, TargetColor, A.PresetLineDashValues.Dash));
        }
    }

    private static C.LineChartSeries DashedSeries(ChartLayout layout, SeriesLayout series, int index, string color, A.PresetLineDashValues dash) =>
        new(
            new C.Index { Val = (uint)index },
            new C.Order { Val = (uint)index },
            SeriesText(layout, series),
            new C.ChartShapeProperties(new A.Outline(Solid(color), new A.PresetDash { Val = dash }) { Width = 22225 }),
            new C.Marker(new C.Symbol { Val = C.MarkerStyleValues.None }),
            Categories(layout),
            Values(layout, series),
            new C.Smooth { Val = false });

    private static string SeriesColor(ChartLayout layout, int index) =>
        layout.Chart.Colors is { } colors ? colors[index] : Palette[index % Palette.Length];

    private static A.SolidFill Solid(string rgb) => new(new A.RgbColorModelHex { Val = rgb });

    private static C.SeriesText SeriesText(ChartLayout layout, SeriesLayout series) =>
        new(new C.StringReference(
            new C.Formula(Reference(layout.SheetName, series.Column, WorkbookWriter.HeaderRow, WorkbookWriter.HeaderRow)),
            new C.StringCache(new C.PointCount { Val = 1U }, new C.StringPoint(new C.NumericValue(XmlText.Encode(series.Header))) { Index = 0U })));

    private static C.CategoryAxisData Categories(ChartLayout layout)
    {
        var cache = new C.StringCache(new C.PointCount { Val = (uint)layout.Categories.Count });
        for (var i = 0; i < layout.Categories.Count; i++)
        {
            cache.Append(new C.StringPoint(new C.NumericValue(XmlText.Encode(layout.Categories[i]))) { Index = (uint)i });
        }

        return new C.CategoryAxisData(new C.StringReference(
            new C.Formula(Reference(layout.SheetName, layout.CategoryColumn, layout.FirstDataRow, layout.LastDataRow)),
            cache));
    }

    private static C.Values Values(ChartLayout layout, SeriesLayout series)
    {
        var cache = new C.NumberingCache(new C.FormatCode(layout.ValueFormat), new C.PointCount { Val = (uint)series.Values.Count });
        for (var i = 0; i < series.Values.Count; i++)
        {
            // A missing value has no point: the chart shows a gap rather than a zero.
            if (series.Values[i] is { } value)
            {
                cache.Append(new C.NumericPoint(new C.NumericValue(value.ToString("R", CultureInfo.InvariantCulture))) { Index = (uint)i });
            }
        }

        return new C.Values(new C.NumberReference(
            new C.Formula(Reference(layout.SheetName, series.Column, layout.FirstDataRow, layout.LastDataRow)),
            cache));
    }

    private static C.CategoryAxis CategoryAxis(ChartLayout layout, bool horizontalBars)
    {
        var axis = new C.CategoryAxis(
            new C.AxisId { Val = CategoryAxisId },
            new C.Scaling(new C.Orientation { Val = horizontalBars ? C.OrientationValues.MaxMin : C.OrientationValues.MinMax }),
            new C.Delete { Val = false },
            new C.AxisPosition { Val = horizontalBars ? C.AxisPositionValues.Left : C.AxisPositionValues.Bottom },
            new C.NumberingFormat { FormatCode = "General", SourceLinked = true },
            new C.MajorTickMark { Val = C.TickMarkValues.Outside },
            new C.MinorTickMark { Val = C.TickMarkValues.None },
            new C.TickLabelPosition { Val = C.TickLabelPositionValues.Low },
            new C.CrossingAxis { Val = ValueAxisId },
            new C.Crosses { Val = C.CrossesValues.AutoZero },
            new C.AutoLabeled { Val = true },
            new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
            new C.LabelOffset { Val = (ushort)100 },
            new C.NoMultiLevelLabels { Val = false });
        return axis;
    }

    private static C.ValueAxis ValueAxis(ChartLayout layout, bool horizontalBars)
    {
        var chart = layout.Chart;
        var scaling = new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax });
        if (chart.PercentAxis)
        {
            scaling.Append(new C.MaxAxisValue { Val = 1D }, new C.MinAxisValue { Val = 0D });
        }

        var axis = new C.ValueAxis(
            new C.AxisId { Val = ValueAxisId },
            scaling,
            new C.Delete { Val = false },
            // With the category axis reversed for top-down bars, the value axis belongs at the top edge's opposite: the bottom.
            new C.AxisPosition { Val = horizontalBars ? C.AxisPositionValues.Bottom : C.AxisPositionValues.Left },
            new C.MajorGridlines(new C.ChartShapeProperties(new A.Outline(Solid("D9D9D9")) { Width = 9525 })));
        if (chart.YAxisTitle is { } title)
        {
            axis.Append(Title(title, 1000, rotated: !horizontalBars));
        }

        axis.Append(
            chart.PercentAxis
                ? new C.NumberingFormat { FormatCode = "0%", SourceLinked = false }
                : new C.NumberingFormat { FormatCode = layout.ValueFormat, SourceLinked = true },
            new C.MajorTickMark { Val = C.TickMarkValues.Outside },
            new C.MinorTickMark { Val = C.TickMarkValues.None },
            new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
            new C.CrossingAxis { Val = CategoryAxisId },
            // Reversed categories put the crossing at the last category; "max" keeps the value axis at the bottom.
            new C.Crosses { Val = horizontalBars ? C.CrossesValues.Maximum : C.CrossesValues.AutoZero },
            new C.CrossBetween { Val = C.CrossBetweenValues.Between });
        if (chart.PercentAxis)
        {
            axis.Append(new C.MajorUnit { Val = 0.1D });
        }
        else if (layout.ValueColumnFormat == ColumnFormat.Integer
            && layout.Series.SelectMany(s => s.Values).Max() is var max && (max ?? 0) < 5)
        {
            // Counts are whole: with small values an automatic step of 0.5 would label the axis 0, 1, 1.
            axis.Append(new C.MajorUnit { Val = 1D });
        }

        return axis;
    }

    private static C.Title Title(string text, int size, bool rotated) =>
        new(
            new C.ChartText(new C.RichText(
                rotated ? new A.BodyProperties { Rotation = -5400000, Vertical = A.TextVerticalValues.Horizontal } : new A.BodyProperties(),
                new A.ListStyle(),
                new A.Paragraph(
                    new A.ParagraphProperties(new A.DefaultRunProperties { FontSize = size, Bold = true }),
                    new A.Run(new A.RunProperties { Language = "en-GB", FontSize = size, Bold = true }, new A.Text(text))))),
            new C.Overlay { Val = false });
}
