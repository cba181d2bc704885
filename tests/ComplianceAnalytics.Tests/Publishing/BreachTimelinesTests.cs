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

        // Every breach after the first starts a printed page: a manual break just above each case's line.
        var caseRows = part.Worksheet.Descendants<Row>()
            .Where(r => r.Descendants<Cell>().Any(c => c.InnerText.Contains(", case ", StringComparison.Ordinal) || c.InnerText.Contains(", ärende ", StringComparison.Ordinal)))
            .Select(r => r.RowIndex!.Value).ToList();
        Assert.Equal(10, caseRows.Count);
        var breaks = part.Worksheet.GetFirstChild<RowBreaks>()!.Elements<Break>().ToList();
        Assert.Equal(caseRows.Skip(1).Select(r => r - 1), breaks.Select(b => b.Id!.Value));
        Assert.All(breaks, b => Assert.True(b.ManualPageBreak!.Value));
    }
}
