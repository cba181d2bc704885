using System.Globalization;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace ComplianceAnalytics.Packs;

/// <summary>A chart's series: data, reference and target lines, event markers, their colours and cached values.</summary>
internal static partial class ChartWriter
{
    /// <summary>Office's default series colours, fixed so every viewer draws the same chart.</summary>
    private static readonly string[] Palette = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47", "264478", "9E480E"];

    private const string TargetColor = "C00000";

    /// <summary>Control limits and centre lines: darker greys than the palette's, so they read as guides, not data.</summary>
    private static readonly string[] ReferenceColors = ["7F7F7F", "404040", "7F7F7F"];

    /// <summary>Event markers (actions taken): purple, a colour no data or guide series uses.</summary>
    private const string MarkerColor = "7030A0";

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
}
