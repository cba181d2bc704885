using ComplianceAnalytics.Clocks;
using ComplianceAnalytics.Domain;
using ComplianceAnalytics.Measures;
using ComplianceAnalytics.Publishing;
using NodaTime;
using ScottPlot;
using SkiaSharp;
using static ComplianceAnalytics.Tests.Clocks.ClockFixtures;

namespace ComplianceAnalytics.Tests.Publishing;

/// <summary>
/// The timeline pictures: real PNGs of the stated size with ink where the clock says, and text drawn with the
/// embedded DejaVu Sans whatever fonts the machine has.
/// </summary>
public class TimelinePictureTests
{
    private static readonly Instant AsOf = At("2026-04-01T00:00:00Z");

    /// <summary>A breach with a pause and a late extension, and a second cycle.</summary>
    private static CaseExplanation Case()
    {
        var stage = Stage("investigation", "10 business_days", [EventTypes.Acknowledged, EventTypes.Reopened], [EventTypes.ResponseIssued],
            [EventTypes.InfoRequested], [EventTypes.InfoReceived], extendable: true);
        var policy = Policy([stage]);
        CaseEvent[] events =
        [
            E(EventTypes.Acknowledged, "2026-02-26T09:00:00Z"),
            E(EventTypes.InfoRequested, "2026-03-02T10:00:00Z"),
            E(EventTypes.InfoReceived, "2026-03-04T10:00:00Z"),
            E(EventTypes.DeadlineExtended, "2026-03-17T09:00:00Z", "2026-03-20T17:00:00Z"),
            E(EventTypes.ResponseIssued, "2026-03-18T09:00:00Z"),
            E(EventTypes.Reopened, "2026-03-23T09:00:00Z"),
        ];
        var trace = new ClockTrace();
        var instances = StageClock.Evaluate("jpdit", "C-1", policy, events, AsOf, null, trace);
        var stages = instances.Select(i =>
        {
            var steps = trace.For(i.Stage, i.Cycle);
            return new ExplainedStage(i, WhyText.Sentence(i, steps, policy, AsOf, ReportTexts.English), [], steps);
        }).ToList();
        var explained = events.Select((e, n) => new ExplainedEvent(e.OccurredAt, e.EventType, e.DueAt, "jpdit.csv", n + 2)).ToList();
        return new CaseExplanation("jpdit", "C-1", AsOf, policy, explained, stages);
    }

    private static SKBitmap Decode(byte[] png) => SKBitmap.Decode(png) ?? throw new InvalidOperationException("not a PNG");

    private static bool IsInk(SKColor c) => c.Red < 200 || c.Green < 200 || c.Blue < 200;

    [Fact]
    public void The_picture_is_a_png_of_its_size_with_the_late_part_in_red_and_the_pause_in_amber()
    {
        var explanation = Case();
        using var bitmap = Decode(TimelinePicture.Render(explanation));
        var (width, height) = TimelinePicture.Size(explanation);

        Assert.Equal(width, bitmap.Width);
        Assert.Equal(height, bitmap.Height);
        var pixels = bitmap.Pixels;
        Assert.Contains(pixels, p => p == new SKColor(0xC0, 0x00, 0x00));
        Assert.Contains(pixels, p => p == new SKColor(0xFF, 0xC0, 0x00));
        // Much of it is ink: bars, shading, ticks, labels.
        Assert.True(pixels.Count(IsInk) > width * height / 20);
    }

    [Fact]
    public void A_Swedish_firms_picture_has_its_words_in_Swedish_at_the_same_size()
    {
        var explanation = Case();
        using var english = Decode(TimelinePicture.Render(explanation));
        using var swedish = Decode(TimelinePicture.Render(explanation, ReportTexts.For("sv")));

        Assert.Equal(english.Width, swedish.Width);
        Assert.Equal(english.Height, swedish.Height);
        // The title (top rows) and the legend (bottom rows) are drawn from the texts, so they differ.
        Assert.NotEqual(Rows(english, 0, 30), Rows(swedish, 0, 30));
        Assert.NotEqual(Rows(english, english.Height - 30, 30), Rows(swedish, swedish.Height - 30, 30));
        var texts = ReportTexts.For("sv");
        Assert.Equal("Ärende C-1, Jpdit: stegens klockor (lokal tid, Europe/London)", texts.Format("timeline.title", "C-1", "Jpdit", "Europe/London"));
        // Its date labels carry the Swedish weekday, as its why sentences do.
        Assert.Equal("mån 25 maj 2026", new DateTime(2026, 5, 25).ToString(texts["timeline.date"], texts.Culture));
        Assert.Equal("25 May 2026", new DateTime(2026, 5, 25).ToString(ReportTexts.English["timeline.date"], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static uint[] Rows(SKBitmap bitmap, int from, int count) =>
        [.. Enumerable.Range(from, count).SelectMany(y => Enumerable.Range(0, bitmap.Width).Select(x => (uint)bitmap.GetPixel(x, y)))];

    [Fact]
    public void Rows_carry_the_stage_name_and_the_ticks_the_firms_words_for_events()
    {
        var swedish = ReportTexts.For("sv");
        Assert.Equal("klagomål mottaget", TimelinePicture.EventLabel(EventTypes.ComplaintReceived, swedish));
        Assert.Equal("complaint received", TimelinePicture.EventLabel(EventTypes.ComplaintReceived, ReportTexts.English));

        var explanation = Case();
        var breached = explanation.Stages[0].Instance;
        Assert.Equal("investigation 1\nbreached", TimelinePicture.StageLabel(explanation.Policy, breached, ReportTexts.English));
        // A long name wraps, so the labels leave the plot its width.
        var named = explanation.Policy with { Stages = [explanation.Policy.Stages[0] with { Name = "Steg 2 (avdelningschefens granskning)" }] };
        Assert.Equal("Steg 2\n(avdelningschefens\ngranskning) 1\növerskriden", TimelinePicture.StageLabel(named, breached, swedish));
    }

    [Fact]
    public void The_pauses_drawn_are_those_the_clock_recorded()
    {
        var pauses = TimelinePicture.Pauses(Case().Stages[0].Trace).ToList();

        Assert.Equal([(At("2026-03-02T10:00:00Z"), At("2026-03-04T10:00:00Z"))], pauses);
    }

    [Fact]
    public void Labels_are_drawn_with_the_embedded_DejaVu_Sans_and_have_ink()
    {
        PictureFonts.Register();
        using var typeface = PictureFonts.Create(bold: false);
        Assert.Equal("DejaVu Sans", typeface.FamilyName);
        Assert.Equal(PictureFonts.Family, Fonts.Default);

        var plot = new Plot();
        plot.HideAxesAndGrid();
        var label = plot.Add.Text("Breached", 0, 0);
        label.LabelFontSize = 40;
        label.LabelFontColor = Colors.Black;
        label.LabelFontName = PictureFonts.Family;
        label.LabelAlignment = Alignment.MiddleCenter;
        using var bitmap = Decode(plot.GetImageBytes(400, 200, ImageFormat.Png));

        // The text's dark pixels: a font that drew boxes or nothing would give few or none.
        var dark = bitmap.Pixels.Count(p => p.Red < 100 && p.Green < 100 && p.Blue < 100);
        Assert.True(dark > 500, $"{dark} dark pixels");
        // The same word measured with the embedded face is as wide as DejaVu Sans draws it at 40 px.
        using var font = new SKFont(typeface, 40);
        Assert.InRange(font.MeasureText("Breached"), 170, 200);
    }
}
