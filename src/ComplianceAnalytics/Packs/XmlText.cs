using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ComplianceAnalytics.Packs;

/// <summary>
/// The OOXML escape for text XML cannot carry (ST_Xstring, ECMA-376 Part 1 §22.9.2.19): a character
/// is written as <c>_xHHHH_</c>, and a literal <c>_xHHHH_</c> has its underscore escaped as <c>_x005F_</c>.
/// Control characters would otherwise stop the save, and a carriage return would come back as a line feed.
/// </summary>
internal static partial class XmlText
{
    /// <summary>Whether the text holds a character XML cannot carry as it is.</summary>
    public static bool NeedsEncoding(string text) => text.Any(NeedsEscape);

    public static string Encode(string text)
    {
        if (!text.Any(c => c == '_' || NeedsEscape(c)))
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '_' && EscapeAtStart().IsMatch(text.AsSpan(i)))
            {
                result.Append("_x005F_");
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                result.Append(c).Append(text[++i]);
            }
            else if (NeedsEscape(c))
            {
                result.Append(CultureInfo.InvariantCulture, $"_x{(int)c:X4}_");
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    public static string Decode(string text) =>
        text.Contains("_x", StringComparison.Ordinal)
            ? Escape().Replace(text, m => ((char)int.Parse(m.Groups[1].ValueSpan, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString())
            : text;

    /// <summary>Characters XML 1.0 cannot hold, carriage return (parsers turn it into a line feed) and unpaired surrogates.</summary>
    private static bool NeedsEscape(char c) =>
        (c < ' ' && c != '\t' && c != '\n') || c == '\uFFFE' || c == '\uFFFF' || char.IsSurrogate(c);

    [GeneratedRegex("^_x([0-9A-Fa-f]{4})_")]
    private static partial Regex EscapeAtStart();

    [GeneratedRegex("_x([0-9A-Fa-f]{4})_")]
    private static partial Regex Escape();
}
