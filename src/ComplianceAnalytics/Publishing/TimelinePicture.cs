using ComplianceAnalytics.Clocks;
using ComplianceAnalytics.Measures;
using NodaTime;
using ScottPlot;

namespace ComplianceAnalytics.Publishing;

/// <summary>
/// One case's timeline as a PNG (ScottPlot): a row per stage cycle from its start to its stop (or the as-of),
/// the part after the deadline in red, pauses drawn over it in amber, the original due and the due as markers,
/// non-working days shaded, and the case's events as labelled ticks along the top. Everything drawn comes from
/// <see cref="CaseExplanation"/>, i.e. from the clock's own steps. Local times of the organisation.
/// </summary>
public static class TimelinePicture
{
    /// <summary>Every timeline's width in pixels, so that pictures line up in the Breach timelines sheet.</summary>
    public const int Width = 1100;

    /// <summary>Pixels per row of the plot; the event labels take <see cref="LabelRows"/> rows above the events' ticks.</summary>
    private const int RowPixels = 56;

    private const double LabelRows = 3.1;

    private static readonly Color Working = Color.FromHex("5B9BD5");
    private static readonly Color Late = Color.FromHex("C00000");
    private static readonly Color Pause = Color.FromHex("FFC000");
    private static readonly Color Met = Color.FromHex("70AD47");
    private static readonly Color NonWorking = Color.FromHex("EDEDED");
    private static readonly Color Ink = Color.FromHex("262626");

    /// <summary>The PNG bytes, <see cref="Width"/> pixels wide, taller with more cycles.</summary>
    /// <param name="explanation">The case's events and stage clocks.</param>
    /// <param name="texts">The firm's language for the picture's words, statuses and dates (month names); English when null.</param>
    public static byte[] Render(CaseExplanation explanation, ReportTexts? texts = null)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        texts ??= ReportTexts.English;
        PictureFonts.Register();
        var policy = explanation.Policy;
        double X(Instant at) => at.InZone(policy.TimeZone).LocalDateTime.ToDateTimeUnspecified().ToOADate();

        var stages = explanation.Stages;
        var ends = stages.Select(s => s.Instance.StoppedAt ?? explanation.AsOf).ToList();
        var first = explanation.Events.Count > 0 ? explanation.Events[0].OccurredAt : stages.Min(s => s.Instance.StartedAt);
        var last = new[] { explanation.Events.Count > 0 ? explanation.Events[^1].OccurredAt : first }
            .Concat(ends).Concat(stages.Select(s => s.Instance.DueAt)).Max();
        var fromDate = DueDates.DateOf(first, policy.TimeZone).PlusDays(-1);
        var toDate = DueDates.DateOf(last, policy.TimeZone).PlusDays(2);

        var plot = new Plot();
        plot.Font.Set(PictureFonts.Family);
        plot.Title(texts.Format("timeline.title", explanation.CaseRef, policy.Name, policy.TimeZone.Id), size: 15);

        // Runs of non-working days shaded as one span each, so that adjacent days show no seam.
        for (var d = fromDate; d < toDate; d = d.PlusDays(1))
        {
            if (policy.Calendar.IsWorkingDay(d))
            {
                continue;
            }

            var runStart = d;
            while (d.PlusDays(1) < toDate && !policy.Calendar.IsWorkingDay(d.PlusDays(1)))
            {
                d = d.PlusDays(1);
            }

            var span = plot.Add.HorizontalSpan(runStart.ToDateTimeUnspecified().ToOADate(), d.PlusDays(1).ToDateTimeUnspecified().ToOADate());
            span.FillStyle.Color = NonWorking;
            span.LineStyle.Width = 0;
        }

        // Row n (from the top) sits at y = rows - n; the events take the top row.
        var rows = stages.Count;
        var positions = new List<double>();
        var labels = new List<string>();
        for (var n = 0; n < rows; n++)
        {
            var s = stages[n];
            var i = s.Instance;
            double y = rows - n;
            positions.Add(y);
            labels.Add(StageLabel(policy, i, texts));
            var start = X(i.StartedAt);
            var end = X(ends[n]);
            var due = X(i.DueAt);
            var onTime = i.Status is StageStatus.Met or StageStatus.MetExtended ? Met : Working;
            Bar(plot, start, Math.Min(end, due), y, 0.36, onTime);
            if (end > due)
            {
                Bar(plot, due, end, y, 0.36, Late);
            }

            foreach (var (from, to) in Pauses(s.Trace))
            {
                Bar(plot, X(from), X(to), y, 0.18, Pause);
            }

            Marker(plot, X(i.OriginalDueAt), y + 0.3, MarkerShape.OpenTriangleDown, Ink);
            if (i.DueAt != i.OriginalDueAt)
            {
                Marker(plot, due, y + 0.3, MarkerShape.FilledTriangleDown, Ink);
            }
        }

        // The as-of, where the open instances' rows end.
        if (stages.Any(s => s.Instance.StoppedAt is null))
        {
            var asOf = plot.Add.VerticalLine(X(explanation.AsOf));
            asOf.LineColor = Ink;
            asOf.LinePattern = LinePattern.Dotted;
            asOf.LineWidth = 1.5f;
            asOf.LegendText = texts["timeline.as_of"];
        }

        // Events: a tick each and a label written upwards; events too close to tell apart share one label.
        double top = rows + 1;
        positions.Add(top);
        labels.Add(texts["timeline.events"]);
        var xMin = fromDate.ToDateTimeUnspecified().ToOADate();
        var xMax = toDate.ToDateTimeUnspecified().ToOADate();
        // About the plot area's width in pixels: a label is some 14 pixels wide.
        var closest = 16 * (xMax - xMin) / (Width - 260);
        foreach (var group in Grouped(explanation.Events.Select(e => (X(e.OccurredAt), EventLabel(e.EventType, texts))), closest))
        {
            foreach (var x in group.Xs)
            {
                var tick = plot.Add.Line(x, top - 0.35, x, top + 0.05);
                tick.LineColor = Ink;
                tick.LineWidth = 1.5f;
            }

            var label = plot.Add.Text(group.Text, group.Xs[0], top + 0.15);
            label.LabelFontSize = 11;
            label.LabelFontColor = Ink;
            label.LabelFontName = PictureFonts.Family;
            label.LabelRotation = -90;
            // Upper left before the turn: the lines run rightwards from the first event's tick, never left of the plot.
            label.LabelAlignment = Alignment.UpperLeft;
        }

        var dates = plot.Axes.DateTimeTicksBottom();
        if (dates.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic automatic)
        {
            // The firm's calendar words: Swedish labels carry the weekday ("mån 25 maj 2026"), as its why sentences do.
            automatic.LabelFormatter = d => d.ToString(texts["timeline.date"], texts.IsEnglish ? System.Globalization.CultureInfo.InvariantCulture : texts.Culture);
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. positions], [.. labels]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.SetLimits(xMin, xMax, 0.4, top + LabelRows);
        plot.Grid.YAxisStyle.IsVisible = false;
        // Room on the right for the last date label, which may fall on the plot's edge.
        plot.Axes.Right.MinimumSize = 40;
        plot.Font.Set(PictureFonts.Family);

        Legend(plot, texts);
        var (width, height) = Size(explanation);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    /// <summary>The picture's size in pixels: <see cref="Width"/> wide, a row per stage cycle and the events' rows high.</summary>
    public static (int Width, int Height) Size(CaseExplanation explanation)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        return (Width, 150 + (int)(RowPixels * (explanation.Stages.Count + 1 + LabelRows - 0.4)));
    }

    /// <summary>
    /// A stage row's label: the stage's name in the policy (its id when it has none), its cycle and its status in
    /// the firm's language; a long name wraps onto a second line so the rows' labels leave the plot its width.
    /// </summary>
    internal static string StageLabel(Policies.Policy policy, StageInstance instance, ReportTexts texts)
    {
        var name = policy.Stages.FirstOrDefault(s => s.Id == instance.Stage)?.DisplayName ?? instance.Stage;
        var status = StageStatusText.Of(instance.Status);
        var words = texts.IsEnglish ? status.Replace('_', ' ') : (string)texts.Value(status)!;
        return $"{Wrapped(name, LabelLine)} {instance.Cycle}\n{words}";
    }

    /// <summary>An event's words in the firm's language (as its why sentences name it); English shows the type's words.</summary>
    internal static string EventLabel(string eventType, ReportTexts texts) =>
        !texts.IsEnglish && texts.All.TryGetValue("why.event." + eventType, out var words) ? words : eventType.Replace('_', ' ');

    /// <summary>Characters of a stage label's line before it wraps.</summary>
    private const int LabelLine = 22;

    private static string Wrapped(string text, int width)
    {
        var lines = new List<string>();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (lines.Count > 0 && lines[^1].Length + 1 + word.Length <= width)
            {
                lines[^1] += " " + word;
            }
            else
            {
                lines.Add(word);
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>Events in order, those that would overlap the group before them (<paramref name="closest"/> per line) joined into its label.</summary>
    internal static List<(List<double> Xs, string Text)> Grouped(IEnumerable<(double X, string Text)> events, double closest)
    {
        var groups = new List<(List<double> Xs, string Text)>();
        foreach (var (x, text) in events)
        {
            // A group's label has a line per event, side by side once written upwards.
            if (groups.Count > 0 && x - groups[^1].Xs[0] < closest * groups[^1].Xs.Count)
            {
                var last = groups[^1];
                last.Xs.Add(x);
                groups[^1] = (last.Xs, last.Text + "\n" + text);
            }
            else
            {
                groups.Add(([x], text));
            }
        }

        return groups;
    }

    /// <summary>The pauses an instance's clock recorded: from each pause to the step that ended it.</summary>
    internal static IEnumerable<(Instant From, Instant To)> Pauses(IReadOnlyList<ClockStep> steps)
    {
        foreach (var step in steps)
        {
            if (step is { Kind: ClockStepKind.Resumed or ClockStepKind.PauseSettled, PausedFrom: { } from })
            {
                yield return (from, step.At);
            }
        }
    }

    private static void Bar(Plot plot, double from, double to, double y, double halfHeight, Color color)
    {
        if (to <= from)
        {
            return;
        }

        var bar = plot.Add.Rectangle(from, to, y - halfHeight, y + halfHeight);
        bar.FillStyle.Color = color;
        bar.LineStyle.Width = 0;
    }

    private static void Marker(Plot plot, double x, double y, MarkerShape shape, Color color)
    {
        var marker = plot.Add.Marker(x, y, shape, 11);
        marker.Color = color;
    }

    /// <summary>A legend of the colours and markers, below the plot.</summary>
    private static void Legend(Plot plot, ReportTexts texts)
    {
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = texts["timeline.running"], FillColor = Working });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = texts["timeline.stopped_in_time"], FillColor = Met });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = texts["timeline.late"], FillColor = Late });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = texts["timeline.paused"], FillColor = Pause });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = texts["timeline.non_working_day"], FillColor = NonWorking });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = texts["timeline.original_due"], MarkerShape = MarkerShape.OpenTriangleDown, MarkerColor = Ink, MarkerSize = 10 });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = texts["timeline.due"], MarkerShape = MarkerShape.FilledTriangleDown, MarkerColor = Ink, MarkerSize = 10 });
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.FontName = PictureFonts.Family;
        plot.Legend.FontSize = 11;
        plot.ShowLegend(Edge.Bottom);
    }
}
