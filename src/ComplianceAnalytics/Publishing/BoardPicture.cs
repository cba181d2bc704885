using System.Globalization;
using ScottPlot;
using SkiaSharp;

namespace ComplianceAnalytics.Publishing;

/// <summary>
/// The director's one-page picture per organisation and month: small multiples of each stage's attainment
/// (1 − breach rate) over the twelve months of the Control charts sheet (query <c>director_control_chart</c>),
/// against the 95 % target, with the months outside the p-chart's limits marked in red.
/// </summary>
public static class BoardPicture
{
    public const double Target = 0.95;

    private const int PanelWidth = 440;

    private const int PanelHeight = 270;

    private const int TitleHeight = 56;

    private const int Columns = 3;

    /// <summary>One month of one stage, as the control chart query gives it.</summary>
    /// <param name="Attainment">1 − p; null in a month where nothing stopped.</param>
    public sealed record Point(string Stage, string Month, double? Attainment, bool OutOfControl);

    /// <summary>The file name beside the packs, e.g. <c>board-jpdit-2026-06.png</c>.</summary>
    public static string FileName(string org, string month) => $"board-{org}-{month}.png";

    /// <summary>The points of each organisation in the query's rows (org_name, org, stage, month, p, signal), in its order.</summary>
    public static IEnumerable<(string OrgName, string Org, List<Point> Points)> ByOrganisation(Measures.QueryTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = table.Columns.ToList();
        int Column(string name) => columns.IndexOf(name);
        var (orgName, org, stage, month, p, signal) = (Column("org_name"), Column("org"), Column("stage"), Column("month"), Column("p"), Column("signal"));
        return table.Rows
            .GroupBy(r => ((string)r[orgName]!, (string)r[org]!))
            .Select(g => (g.Key.Item1, g.Key.Item2, g.Select(r => new Point(
                (string)r[stage]!,
                Convert.ToString(r[month], CultureInfo.InvariantCulture)!,
                r[p] is null ? null : 1 - Convert.ToDouble(r[p], CultureInfo.InvariantCulture),
                !string.IsNullOrEmpty((string?)r[signal]))).ToList()));
    }

    /// <summary>The PNG: a title, then a panel per stage, three to a row.</summary>
    public static byte[] Render(string orgName, string month, IReadOnlyList<Point> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        PictureFonts.Register();
        var stages = points.Select(p => p.Stage).Distinct().ToList();
        var columns = Math.Max(1, Math.Min(Columns, stages.Count));
        var rows = Math.Max(1, (stages.Count + columns - 1) / columns);
        var info = new SKImageInfo(columns * PanelWidth, TitleHeight + (rows * PanelHeight));
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using (var typeface = PictureFonts.Create(bold: true))
        using (var font = new SKFont(typeface, 20))
        using (var paint = new SKPaint { Color = new SKColor(0x26, 0x26, 0x26), IsAntialias = true })
        {
            canvas.DrawText($"{orgName}: attainment per stage, 12 months to {month} (target 95 %; red: outside control limits)", 16, 34, font, paint);
        }

        for (var n = 0; n < stages.Count; n++)
        {
            var panel = Panel(stages[n], points.Where(p => p.Stage == stages[n]).ToList());
            using var bitmap = SKBitmap.Decode(panel);
            canvas.DrawBitmap(bitmap, (n % columns) * PanelWidth, TitleHeight + ((n / columns) * PanelHeight));
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static byte[] Panel(string stage, List<Point> months)
    {
        var plot = new Plot();
        plot.Font.Set(PictureFonts.Family);
        plot.Title(stage, size: 14);
        var target = plot.Add.HorizontalLine(Target);
        target.LineColor = Color.FromHex("7F7F7F");
        target.LinePattern = LinePattern.Dashed;
        target.LineWidth = 1.5f;

        var xs = new List<double>();
        var ys = new List<double>();
        for (var i = 0; i < months.Count; i++)
        {
            if (months[i].Attainment is { } a)
            {
                xs.Add(i);
                ys.Add(a);
            }
        }

        var line = plot.Add.Scatter(xs.ToArray(), ys.ToArray());
        line.Color = Color.FromHex("2F5597");
        line.LineWidth = 2;
        line.MarkerSize = 5;
        for (var i = 0; i < months.Count; i++)
        {
            if (months[i] is { OutOfControl: true, Attainment: { } a })
            {
                var flag = plot.Add.Marker(i, a, MarkerShape.FilledCircle, 12);
                flag.Color = Color.FromHex("C00000");
            }
        }

        // Every third month, ending on the report month, so that the labels fit a small panel.
        var labelled = Enumerable.Range(0, months.Count).Where(i => (months.Count - 1 - i) % 3 == 0).ToList();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. labelled.Select(i => (double)i)], [.. labelled.Select(i => months[i].Month)]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([0, 0.25, 0.5, 0.75, 1], ["0 %", "25 %", "50 %", "75 %", "100 %"]);
        plot.Axes.SetLimits(-0.5, months.Count - 0.5, -0.05, 1.05);
        plot.Axes.Right.MinimumSize = 20;
        return plot.GetImageBytes(PanelWidth, PanelHeight, ImageFormat.Png);
    }
}
