using ComplianceAnalytics.Measures;

namespace ComplianceAnalytics.Packs;

/// <summary>The number formats of a column's cells, in English or in the workbook's language.</summary>
internal static class CellFormats
{
    /// <summary>An amount with its currency code after it, e.g. <c>1,234.50 GBP</c>; quotes in the code are dropped.</summary>
    public static string CurrencyFormat(string code) => $"#,##0.00 \"{code.Replace("\"", string.Empty, StringComparison.Ordinal)}\"";

    /// <summary>
    /// The cell format of a column in the workbook's language. Format codes are always written with "."
    /// and ","; a language other than English gets its locale tag (e.g. [$-41D], Swedish), by which
    /// LibreOffice shows its decimal comma and digit groups and Excel its month and day names (Excel takes
    /// separators from the reader's own settings). Money shows the policy's currency (PackLanguage.Money).
    /// </summary>
    public static string? NumberFormat(ColumnFormat? format, WorkbookMetadata metadata)
    {
        var english = EnglishFormat(format, metadata.Currency);
        if (english is null || metadata.Texts.IsEnglish || format == ColumnFormat.Text)
        {
            return english;
        }

        var tag = PackLanguage.LocaleTag(metadata.Texts.Culture);
        return format switch
        {
            ColumnFormat.Pvalue => $"[<0.0001]\"< 0{metadata.Texts["number.decimal"]}0001\";{tag}0.0000",
            ColumnFormat.Percent => tag + "0.0\\ %",
            ColumnFormat.Datetime => tag + "yyyy-mm-dd hh:mm",
            ColumnFormat.Money => tag + PackLanguage.Money(metadata.Currency, metadata.Texts),
            _ => tag + english,
        };
    }

    private static string? EnglishFormat(ColumnFormat? format, string? currency) => format switch
    {
        ColumnFormat.Money => PackLanguage.Money(currency, ReportTexts.English),
        ColumnFormat.Text => "@",
        ColumnFormat.Integer => "#,##0",
        ColumnFormat.Decimal2 => "#,##0.00",
        ColumnFormat.Decimal1 => "0.0",
        ColumnFormat.Decimal4 => "0.0000",
        ColumnFormat.Pvalue => "[<0.0001]\"< 0.0001\";0.0000",
        ColumnFormat.Percent => "0.0%",
        ColumnFormat.Days1 => "0.0",
        ColumnFormat.Date => "yyyy-mm-dd",
        ColumnFormat.Datetime => "yyyy-mm-dd hh:mm:ss",
        _ => null,
    };
}
