using ClosedXML.Excel;

namespace ComplianceAnalytics.Packs;

/// <summary>How a pack sheet prints: page, orientation, repeated header row, page header and footer.</summary>
internal static class SheetPrintSetup
{
    /// <summary>Width in characters above which a sheet prints landscape.</summary>
    private const double PortraitWidth = 95;

    /// <summary>
    /// Printed (and PDF-rendered) sheets: the table fitted to the page's width only (never to one page,
    /// which shrinks a long table to nothing), landscape when wide, the header row repeated on every
    /// page, and a page header and footer naming firm, pack, sheet, month and "page N of M".
    /// </summary>
    public static void Apply(IXLWorksheet worksheet, PackDefinition definition, SheetDefinition sheet, WorkbookMetadata metadata, double tableWidth)
    {
        var page = worksheet.PageSetup;
        page.PageOrientation = tableWidth > PortraitWidth ? XLPageOrientation.Landscape : XLPageOrientation.Portrait;
        page.PaperSize = XLPaperSize.A4Paper;
        page.FitToPages(1, 0);
        page.SetRowsToRepeatAtTop(WorkbookWriter.HeaderRow, WorkbookWriter.HeaderRow);
        page.Margins.Top = 0.75;
        page.Margins.Bottom = 0.75;
        page.Margins.Header = 0.3;
        page.Margins.Footer = 0.3;
        page.Header.Left.AddText(HeaderText(metadata.Organisation ?? string.Empty));
        page.Header.Center.AddText(HeaderText($"{metadata.PackTitle ?? metadata.Texts.Text(definition.Title)}: {sheet.Name}"));
        page.Header.Right.AddText(HeaderText(metadata.Subject));
        page.Footer.Left.AddText(HeaderText(metadata.Author));
        page.Footer.Right.AddText(HeaderText(metadata.Texts["page.page"]));
        page.Footer.Right.AddText(XLHFPredefinedText.PageNumber);
        page.Footer.Right.AddText(HeaderText(metadata.Texts["page.of"]));
        page.Footer.Right.AddText(XLHFPredefinedText.NumberOfPages);
    }

    /// <summary>"&amp;" starts a code in a page header: a literal one is doubled.</summary>
    private static string HeaderText(string text) => text.Replace("&", "&&", StringComparison.Ordinal);
}
