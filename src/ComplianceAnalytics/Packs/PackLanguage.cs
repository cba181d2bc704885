using System.Globalization;
using ComplianceAnalytics.Measures;

namespace ComplianceAnalytics.Packs;

/// <summary>
/// A pack definition in a firm's language. The YAML keeps its English texts, which are their own keys
/// in <c>Measures/Texts.*.resx</c> (docs/packs.md, "Languages"); a text without a translation shows in
/// English (the key test fails first).
/// </summary>
public static class PackLanguage
{
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["GBP"] = "£",
        ["EUR"] = "€",
        ["USD"] = "$",
        ["SEK"] = "kr",
        ["NOK"] = "kr",
        ["DKK"] = "kr",
    };

    /// <summary>Every text a pack definition shows, each a key of the texts (the English resource maps it to itself).</summary>
    public static IEnumerable<string> Texts(PackDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        yield return definition.Title;
        foreach (var sheet in definition.Sheets)
        {
            yield return sheet.Name;
            foreach (var text in new[] { sheet.Description, sheet.Empty, sheet.Chart?.Title, sheet.Chart?.YAxisTitle }.Concat((sheet.Columns ?? []).Select(c => c.Header)))
            {
                if (!string.IsNullOrWhiteSpace(text))
                {
                    yield return text;
                }
            }
        }
    }

    /// <summary>The sheet with its name, description, empty line, headers and chart titles in the language of <paramref name="texts"/>.</summary>
    public static SheetDefinition Localise(SheetDefinition sheet, ReportTexts texts)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.IsEnglish)
        {
            return sheet;
        }

        string? Text(string? english) => string.IsNullOrWhiteSpace(english) ? english : texts.Text(english);
        return sheet with
        {
            Name = Text(sheet.Name)!,
            Description = Text(sheet.Description),
            Empty = Text(sheet.Empty),
            Columns = sheet.Columns?.Select(c => c with { Header = Text(c.Header) }).ToList(),
            Chart = sheet.Chart is { } chart ? chart with { Title = Text(chart.Title), YAxisTitle = Text(chart.YAxisTitle) } : null,
        };
    }

    /// <summary>The Excel locale tag of a language, e.g. <c>[$-41D]</c> for Swedish (Sweden).</summary>
    public static string LocaleTag(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var lcid = CultureInfo.CreateSpecificCulture(culture.Name).LCID;
        // 0x1000 is "no LCID": a language Excel has no tag for keeps the reader's own conventions.
        return lcid == 0x1000 ? "" : string.Create(CultureInfo.InvariantCulture, $"[$-{lcid:X}]");
    }

    /// <summary>
    /// The format code of money in a currency: <c>"£"#,##0.00</c> in English, <c>#,##0.00\ "£"</c> where
    /// the language writes the sign after the amount (<c>number.currency_first</c>), letters such as
    /// <c>kr</c> and unknown codes always after; no currency, no sign.
    /// </summary>
    public static string Money(string? currency, ReportTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (currency is null)
        {
            return "#,##0.00";
        }

        var symbol = Symbols.GetValueOrDefault(currency, currency);
        var first = texts["number.currency_first"] == "true" && !symbol.Any(char.IsLetter);
        return first ? $"\"{symbol}\"#,##0.00" : $"#,##0.00\\ \"{symbol}\"";
    }
}
