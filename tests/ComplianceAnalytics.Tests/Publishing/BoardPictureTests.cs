using ComplianceAnalytics.Measures;
using ComplianceAnalytics.Publishing;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SkiaSharp;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace ComplianceAnalytics.Tests.Publishing;

/// <summary>The director's board pictures of the committed sample's month, beside the packs.</summary>
public sealed class BoardPictureTests(SamplePacks sample) : IClassFixture<SamplePacks>
{
    [Fact]
    public void Each_organisation_has_a_board_picture_with_a_panel_per_stage()
    {
        // Every organisation with stage instances in the twelve months (the sample's helpdesk policy has no exports).
        var organisations = sample.Workspace.Policies.All.Where(p => p.Org != "helpdesk").ToList();
        Assert.Equal(6, organisations.Count);
        foreach (var org in organisations)
        {
            var path = Path.Combine(sample.OutDir, org.Org, BoardPicture.FileName(org.Org, "2026-06"));
            Assert.True(File.Exists(path), path);
            using var bitmap = SKBitmap.Decode(path);
            // Two panels wide whatever the stages, to fit the director pack's cover.
            Assert.Equal(880, bitmap.Width);
            Assert.Equal(64 + (((org.Stages.Count + 1) / 2) * 270), bitmap.Height);
            // The series is drawn: the line's blue is there.
            Assert.Contains(bitmap.Pixels, p => p == new SKColor(0x2F, 0x55, 0x97));
        }
    }

    [Fact]
    public void Each_organisations_director_pack_shows_its_board_picture_on_its_cover_under_the_text()
    {
        foreach (var org in sample.Workspace.Policies.All.Where(p => p.Org != "helpdesk"))
        {
            var path = Path.Combine(sample.OutDir, org.Org, BoardPicture.FileName(org.Org, "2026-06"));
            using var document = SpreadsheetDocument.Open(sample.Workbook(BoardPicture.Pack, org.Org), false);
            var workbook = document.WorkbookPart!;
            var cover = workbook.Workbook.Sheets!.Elements<Sheet>().First();
            Assert.Equal(ReportTexts.For(org.Language).Text("Cover"), cover.Name!.Value);
            var part = (WorksheetPart)workbook.GetPartById(cover.Id!);
            var image = Assert.Single(part.DrawingsPart!.ImageParts);
            using (var stream = image.GetStream())
            using (var copy = new MemoryStream())
            {
                stream.CopyTo(copy);
                Assert.Equal(File.ReadAllBytes(path), copy.ToArray());
            }

            // Anchored one blank row under the cover's last row, at its own size.
            var lastRow = part.Worksheet.Descendants<Row>().Last().RowIndex!.Value;
            var anchor = Assert.Single(part.DrawingsPart.WorksheetDrawing!.Elements<Xdr.OneCellAnchor>());
            Assert.Equal((lastRow + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), anchor.FromMarker!.RowId!.Text);
            Assert.Equal(880 * 9525L, anchor.Extent!.Cx!.Value);
        }

        // The cross-firm director pack has no single firm's picture.
        using var compliance = SpreadsheetDocument.Open(sample.Workbook(BoardPicture.Pack), false);
        var first = compliance.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().First();
        Assert.Null(((WorksheetPart)compliance.WorkbookPart.GetPartById(first.Id!)).DrawingsPart);
    }

    [Theory]
    [InlineData("hexpress", "Hexpress Healthcare: måluppfyllelse per steg under de 12 månaderna till och med 2026-06")]
    [InlineData("halo", "Halo Connect: attainment per stage over the 12 months to 2026-06")]
    public void The_board_pictures_words_are_in_the_firms_language(string org, string description)
    {
        using var document = SpreadsheetDocument.Open(sample.Workbook(BoardPicture.Pack, org), false);
        var workbook = document.WorkbookPart!;
        var cover = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        var picture = Assert.Single(cover.DrawingsPart!.WorksheetDrawing!.Descendants<Xdr.NonVisualDrawingProperties>());
        Assert.StartsWith(description, picture.Description!.Value, StringComparison.Ordinal);

        // The title and key drawn on the picture come from the texts: the Swedish rows differ from the English.
        var points = new List<BoardPicture.Point> { new("Steg 1", "2026-06", 0.9, false) };
        using var swedish = SKBitmap.Decode(BoardPicture.Render("Hexpress Healthcare", "2026-06", points, ReportTexts.For("sv")));
        using var english = SKBitmap.Decode(BoardPicture.Render("Hexpress Healthcare", "2026-06", points));
        Assert.NotEqual(TitleRows(english), TitleRows(swedish));
    }

    private static uint[] TitleRows(SKBitmap bitmap) =>
        [.. Enumerable.Range(0, 56).SelectMany(y => Enumerable.Range(0, bitmap.Width).Select(x => (uint)bitmap.GetPixel(x, y)))];

    [Fact]
    public void Months_outside_the_control_limits_are_marked_red()
    {
        var points = new List<BoardPicture.Point>
        {
            new("investigation", "2026-05", 0.97, false),
            new("investigation", "2026-06", 0.40, true),
        };
        var calm = points.Select(p => p with { OutOfControl = false }).ToList();

        using var marked = SKBitmap.Decode(BoardPicture.Render("JPDIT Services", "2026-06", points));
        using var plain = SKBitmap.Decode(BoardPicture.Render("JPDIT Services", "2026-06", calm));

        var red = new SKColor(0xC0, 0x00, 0x00);
        Assert.Contains(marked.Pixels, p => p == red);
        Assert.DoesNotContain(plain.Pixels, p => p == red);
    }

    [Fact]
    public void A_month_with_an_action_has_a_purple_vertical_line()
    {
        var points = new List<BoardPicture.Point>
        {
            new("investigation", "2026-04", 0.90, false),
            new("investigation", "2026-05", 0.97, false, "JPD-2026-05"),
            new("investigation", "2026-06", 0.98, false),
        };
        var without = points.Select(p => p with { Actions = "" }).ToList();

        using var marked = SKBitmap.Decode(BoardPicture.Render("JPDIT Services", "2026-06", points));
        using var plain = SKBitmap.Decode(BoardPicture.Render("JPDIT Services", "2026-06", without));

        var purple = new SKColor(0x70, 0x30, 0xA0);
        // A vertical line: many purple pixels in one column of the panel.
        var counts = Enumerable.Range(0, marked.Width).Select(x => Enumerable.Range(56, marked.Height - 56).Count(y => marked.GetPixel(x, y) == purple));
        Assert.True(counts.Max() > 100, $"longest purple column {counts.Max()}");
        Assert.DoesNotContain(plain.Pixels, p => p == purple);
    }

    [Fact]
    public void The_sample_boards_read_the_actions_from_the_control_chart_query()
    {
        using var bitmap = SKBitmap.Decode(Path.Combine(sample.OutDir, "jpdit", BoardPicture.FileName("jpdit", "2026-06")));

        Assert.Contains(bitmap.Pixels, p => p == new SKColor(0x70, 0x30, 0xA0));
    }
}
