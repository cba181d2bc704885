using ComplianceAnalytics.Publishing;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ComplianceAnalytics.Tests.Publishing;

/// <summary>The compliance pack's Breach timelines sheet on the committed sample's month.</summary>
public sealed class BreachTimelinesTests(SamplePacks sample) : IClassFixture<SamplePacks>
{
    [Fact]
    public void The_sheet_follows_the_breach_register_with_a_picture_and_the_registers_why_for_each_of_the_worst_breaches()
    {
        using var document = SpreadsheetDocument.Open(sample.Workbook("compliance"), false);
        var workbook = document.WorkbookPart!;
        var names = workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(names.IndexOf(BreachTimelines.AfterSheet) + 1, names.IndexOf(BreachTimelines.SheetName));

        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == BreachTimelines.SheetName);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        var pictures = part.DrawingsPart!.ImageParts.ToList();
        Assert.Equal(10, pictures.Count);
        Assert.All(pictures, p =>
        {
            using var stream = p.GetStream();
            using var bitmap = SkiaSharp.SKBitmap.Decode(stream);
            Assert.Equal(TimelinePicture.Width, bitmap.Width);
        });

        var texts = part.Worksheet.Descendants<Cell>().Select(c => c.InnerText).ToList();
        var register = WorkbookCells.Read(sample.Workbook("compliance"))["Breach register"];
        var whys = register.Rows(ComplianceAnalytics.Packs.WorkbookWriter.HeaderRow).Select(r => r["Why"]).OfType<string>().ToHashSet(StringComparer.Ordinal);
        // Hexpress's rows read in its language (language: sv) in the cross-firm pack too.
        string[] outcomes = ["Breached:", "Open past", "Överskriden:", "Öppen efter"];
        var shown = texts.Where(t => outcomes.Any(o => t.StartsWith(o, StringComparison.Ordinal))).ToList();
        Assert.Equal(10, shown.Count);
        Assert.All(shown, why => Assert.Contains(why, whys));
    }
}
