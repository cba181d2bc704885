using ComplianceAnalytics.Publishing;
using SkiaSharp;

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
            var columns = Math.Min(3, org.Stages.Count);
            Assert.Equal(columns * 440, bitmap.Width);
            Assert.Equal(56 + (((org.Stages.Count + columns - 1) / columns) * 270), bitmap.Height);
            // The series is drawn: the line's blue is there.
            Assert.Contains(bitmap.Pixels, p => p == new SKColor(0x2F, 0x55, 0x97));
        }
    }

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
}
