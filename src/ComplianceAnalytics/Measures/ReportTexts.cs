using System.Collections;
using System.Globalization;
using System.Resources;

[assembly: NeutralResourcesLanguage("en")]

namespace ComplianceAnalytics.Measures;

/// <summary>
/// The words of a firm's workbooks in its language (the policy's <c>language:</c>): one resource file
/// per language, <c>Measures/Texts.resx</c> (English) and <c>Measures/Texts.&lt;language&gt;.resx</c>.
/// Three kinds of key live there (docs/packs.md, "Languages"): a pack definition's own English text
/// (sheet name, header, description, chart and axis title) is its key; <c>value:</c> plus a query's
/// English cell value (a verdict, a status) translates whole cells; dotted keys
/// (<c>cover.verdict.judged</c>) are the sentences the code and the cover queries compose, with
/// <c>{0}</c>-style places for their figures.
/// </summary>
public sealed class ReportTexts : Clocks.IClockTexts
{
    /// <summary>The prefix of keys that translate a query's whole cell value.</summary>
    public const string ValuePrefix = "value:";

    private static readonly ResourceManager Resources = new("ComplianceAnalytics.Measures.Texts", typeof(ReportTexts).Assembly);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ReportTexts?> Loaded = new(StringComparer.Ordinal);

    private readonly Dictionary<string, string> _texts;

    private ReportTexts(string language, CultureInfo culture, Dictionary<string, string> texts)
    {
        Language = language;
        Culture = culture;
        _texts = texts;
    }

    /// <summary>The policy's language code, e.g. <c>sv</c>.</summary>
    public string Language { get; }

    /// <summary>The culture of the language's calendar words; used for words only, never to parse or to write a file.</summary>
    public CultureInfo Culture { get; }

    /// <summary>Whether these are the English texts, in which values are shown as the queries give them.</summary>
    public bool IsEnglish => Language == Policies.Policy.DefaultLanguage;

    /// <summary>Every key with its text.</summary>
    public IReadOnlyDictionary<string, string> All => _texts;

    /// <summary>The English texts, for a policy without <c>language:</c> and for the group packs.</summary>
    public static ReportTexts English { get; } = For(Policies.Policy.DefaultLanguage);

    /// <summary>Whether a resource file exists for <paramref name="language"/>.</summary>
    public static bool Exists(string language) => Loaded.GetOrAdd(language, Load) is not null;

    /// <summary>The texts of a language; a language without its resource file is an error naming the file it needs.</summary>
    public static ReportTexts For(string language) =>
        Loaded.GetOrAdd(language, Load) ?? throw new ArgumentException(
            $"There are no pack texts for the language '{language}': add src/ComplianceAnalytics/Measures/Texts.{language}.resx (docs/packs.md, \"Languages\").", nameof(language));

    /// <summary>The text of a key; a missing key is a programming error, and the key test catches it before any reader.</summary>
    public string this[string key] =>
        _texts.TryGetValue(key, out var text) ? text : throw new KeyNotFoundException($"Texts.{Language}.resx has no key '{key}'.");

    /// <summary>A sentence with its figures in the places <c>{0}</c>, <c>{1}</c>, ….</summary>
    public string Format(string key, params object?[] args) => string.Format(Culture, this[key], args);

    /// <summary>
    /// A pack definition's English text in this language: the text is its own key, and one not yet
    /// translated shows in English rather than failing a reader (the key test fails instead).
    /// </summary>
    public string? Text(string? english) => english is null ? null : _texts.GetValueOrDefault(english, english);

    /// <summary>A query's cell value in this language when it is one of the translated values; the value otherwise.</summary>
    public object? Value(object? value) =>
        !IsEnglish && value is string text && _texts.TryGetValue(ValuePrefix + text, out var translated) ? translated : value;

    private static ReportTexts? Load(string language)
    {
        CultureInfo culture;
        try
        {
            culture = CultureInfo.GetCultureInfo(language);
        }
        catch (CultureNotFoundException)
        {
            return null;
        }

        // The neutral (English) resources are the assembly's own; another language's must be its own
        // satellite, never English by fallback, so a language without its file is refused.
        var set = Resources.GetResourceSet(language == Policies.Policy.DefaultLanguage ? CultureInfo.InvariantCulture : culture, createIfNotExists: true, tryParents: false);
        if (set is null)
        {
            return null;
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in set)
        {
            texts[(string)entry.Key] = (string)entry.Value!;
        }

        return new ReportTexts(language, culture, texts);
    }
}
