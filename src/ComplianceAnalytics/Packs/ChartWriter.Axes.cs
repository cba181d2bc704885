using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace ComplianceAnalytics.Packs;

/// <summary>A chart's category and value axes and its titles.</summary>
internal static partial class ChartWriter
{
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
