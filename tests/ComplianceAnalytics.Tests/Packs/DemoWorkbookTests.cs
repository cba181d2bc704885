using ComplianceAnalytics.Packs;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Xunit.Abstractions;

namespace ComplianceAnalytics.Tests.Packs;

/// <summary>
/// Writes the sample pack to a fixed place so it can be rendered and looked at:
/// <c>scripts/render-workbook.sh $TMPDIR/compliance-packs-demo/compliance-2025-06.xlsx</c>.
/// </summary>
public sealed class DemoWorkbookTests(ITestOutputHelper output)
{
    public static readonly string DemoPath = Path.Combine(Path.GetTempPath(), "compliance-packs-demo", "compliance-2025-06.xlsx");

    [Fact]
    public void Demo_workbook_is_written_to_a_known_path()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DemoPath)!);
        WorkbookWriter.Write(PackFixtures.Definition(), PackFixtures.Tables(), DemoPath, PackFixtures.Metadata);
        output.WriteLine($"Demo workbook: {DemoPath}");

        using var document = SpreadsheetDocument.Open(DemoPath, false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2010).Validate(document));
        Assert.Equal(3 + 1, document.WorkbookPart!.WorksheetParts.Count(p => p.DrawingsPart is not null));
    }
}
