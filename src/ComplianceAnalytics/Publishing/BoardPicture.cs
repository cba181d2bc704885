using System.Globalization;
using ComplianceAnalytics.Measures;
using ScottPlot;
using SkiaSharp;

namespace ComplianceAnalytics.Publishing;

/// <summary>
/// The director's one-page picture per organisation and month: small multiples of each stage's attainment
/// (1 − breach rate) over the twelve months of the Control charts sheet (query <c>director_control_chart</c>),
/// against the stage's target of each month (a dashed line), with the months outside the p-chart's limits marked in red and the months an action
/// of the actions folder took effect marked by a purple vertical line with the action's id, as on the control charts.
/// </summary>
public static class BoardPicture
{
    /// <summary>The pack whose cover shows the picture, and with which it is published.</summary>
    public const string Pack = "director";

    private const int PanelWidth = 440;

    private const int PanelHeight = 270;

    private const int TitleHeight = 64;

    /// <summary>Two panels a row, so the picture fits the width of the director pack's cover (about 880 pixels).</summary>
    private const int Columns = 2;

    /// <summary>The control charts' marker colour (ChartWriter): no data or guide series uses it.</summary>
    private const string ActionColor = "7030A0";

    /// <summary>One month of one stage, as the control chart query gives it.</summary>
    /// <param name="Stage">The stage's display name, the panel's title.</param>
    /// <param name="Month">The month as <c>yyyy-MM</c>.</param>
    /// <param name="Attainment">1 − p; null in a month where nothing stopped.</param>
    /// <param name="OutOfControl">Whether the month lies outside the p-chart's control limits (drawn red).</param>
    /// <param name="Actions">The ids of the actions dated in the month whose scope includes the stage; empty when none.</param>
    /// <param name="Target">The stage's attainment target for the month as a fraction (stage_target(): its policy's, else Compliance:DefaultTarget).</param>
    public sealed record Point(string Stage, string Month, double? Attainment, bool OutOfControl, string Actions = "", double Target = ReportContext.DefaultTarget);

    /// <summary>The file name beside the packs, e.g. <c>board-jpdit-2026-06.png</c>.</summary>
    public static string FileName(string org, string month) => $"board-{org}-{month}.png";

    /// <summary>The picture's description in a workbook (its alternative text), in the firm's language.</summary>
    public static string Description(string orgName, string month, ReportTexts texts) =>
        texts.Format("board.description", orgName, month);

    /// <summary>The points of each organisation in the query's rows (org_name, org, stage, month, p, signal, actions, target), in its order.</summary>
    public static IEnumerable<(string OrgName, string Org, List<Point> Points)> ByOrganisation(Measures.QueryTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = table.Columns.ToList();
        int Column(string name) => columns.IndexOf(name);
        var (orgName, org, stage, month, p, signal) = (Column("org_name"), Column("org"), Column("stage"), Column("month"), Column("p"), Column("signal"));
        var (actions, target) = (Column("actions"), Column("target"));
        return table.Rows
            .GroupBy(r => ((string)r[orgName]!, (string)r[org]!))
            .Select(g => (g.Key.Item1, g.Key.Item2, g.Select(r => new Point(
                (string)r[stage]!,
                Convert.ToString(r[month], CultureInfo.InvariantCulture)!,
                r[p] is null ? null : 1 - Convert.ToDouble(r[p], CultureInfo.InvariantCulture),
                !string.IsNullOrEmpty((string?)r[signal]),
                actions < 0 ? string.Empty : (string?)r[actions] ?? string.Empty,
                Convert.ToDouble(r[target], CultureInfo.InvariantCulture))).ToList()));
    }

    /// <summary>The PNG: a title, then a panel per stage, two to a row; its words in <paramref name="texts"/>' language (English when not given).</summary>
    public static byte[] Render(string orgName, string month, IReadOnlyList<Point> points, ReportTexts? texts = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        texts ??= ReportTexts.English;
        PictureFonts.Register();
        var stages = points.Select(p => p.Stage).Distinct().ToList();
        var rows = Math.Max(1, (stages.Count + Columns - 1) / Columns);
        // Always two panels wide, so the title fits and a firm with one stage has one wide panel.
        var panelWidth = stages.Count == 1 ? Columns * PanelWidth : PanelWidth;
        var info = new SKImageInfo(Columns * PanelWidth, TitleHeight + (rows * PanelHeight));
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using (var paint = new SKPaint { Color = new SKColor(0x26, 0x26, 0x26), IsAntialias = true })
        {
            using (var typeface = PictureFonts.Create(bold: true))
            using (var font = new SKFont(typeface, 20))
            {
                // A long firm name or a longer language shrinks the title rather than cutting it at the edge.
                var title = texts.Format("board.title", orgName, month);
                while (font.Size > 10 && font.MeasureText(title) > info.Width - 32)
                {
                    font.Size -= 1;
                }

                canvas.DrawText(title, 16, 28, font, paint);
            }

            // The key on a line of its own, so that a long organisation name does not push it off the picture.
            using (var typeface = PictureFonts.Create(bold: false))
            using (var font = new SKFont(typeface, 13))
            {
                canvas.DrawText(texts["board.key"], 16, 52, font, paint);
            }
        }

        for (var n = 0; n < stages.Count; n++)
        {
            var panel = Panel(stages[n], points.Where(p => p.Stage == stages[n]).ToList(), panelWidth);
            using var bitmap = SKBitmap.Decode(panel);
            canvas.DrawBitmap(bitmap, (n % Columns) * PanelWidth, TitleHeight + ((n / Columns) * PanelHeight));
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static byte[] Panel(string stage, List<Point> months, int width)
    {
        var plot = new Plot();
        plot.Font.Set(PictureFonts.Family);
        plot.Title(stage, size: 14);
        // The target as a step per month: a dated target changes the line in the month it starts to judge.
        var stepXs = Enumerable.Range(0, months.Count).SelectMany(i => new[] { i - 0.5, i + 0.5 }).ToArray();
        var stepYs = months.SelectMany(m => new[] { m.Target, m.Target }).ToArray();
        var target = plot.Add.Scatter(stepXs, stepYs);
        target.Color = Color.FromHex("7F7F7F");
        target.MarkerSize = 0;
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

        // Actions first, so the series is drawn over them.
        for (var i = 0; i < months.Count; i++)
        {
            if (months[i].Actions.Length > 0)
            {
                var bar = plot.Add.VerticalLine(i);
                bar.LineColor = Color.FromHex(ActionColor);
                bar.LineWidth = 2;
                var label = plot.Add.Text(months[i].Actions, i, 0.02);
                label.LabelFontColor = Color.FromHex(ActionColor);
                label.LabelFontSize = 10;
                label.LabelRotation = -90;
                label.LabelAlignment = Alignment.LowerLeft;
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
        return plot.GetImageBytes(width, PanelHeight, ImageFormat.Png);
    }
}
