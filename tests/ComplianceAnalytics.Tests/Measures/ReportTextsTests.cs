using System.Text.RegularExpressions;
using System.Xml.Linq;
using ComplianceAnalytics.Measures;
using ComplianceAnalytics.Packs;
using ComplianceAnalytics.Tests.Policies;

namespace ComplianceAnalytics.Tests.Measures;

/// <summary>
/// The texts of every language are complete: a key missing in one language, a pack definition's text
/// or a query's key missing from the texts, or a sentence that lost one of its figures fails here,
/// not in front of a reader (docs/packs.md, "Languages").
/// </summary>
public sealed class ReportTextsTests
{
    private static readonly string[] Verdicts = ["Green", "Amber", "Red", "Too few cases"];

    private static string Folder => Path.Combine(RepositoryPaths.Root, "src", "ComplianceAnalytics", "Measures");

    /// <summary>Every language with a resource file: Texts.resx is English, Texts.&lt;language&gt;.resx each other one.</summary>
    public static TheoryData<string> Languages()
    {
        var data = new TheoryData<string>();
        foreach (var language in LanguageFiles())
        {
            data.Add(language);
        }

        return data;
    }

    private static List<string> LanguageFiles() =>
        Directory.GetFiles(Folder, "Texts*.resx").Select(f => Path.GetFileName(f).Split('.')).Select(p => p.Length == 2 ? "en" : p[1]).Order(StringComparer.Ordinal).ToList();

    private static Dictionary<string, string> ResxFile(string language) =>
        XDocument.Load(Path.Combine(Folder, language == "en" ? "Texts.resx" : $"Texts.{language}.resx"))
            .Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);

    [Fact]
    public void English_and_Swedish_are_there()
    {
        var languages = LanguageFiles();
        Assert.Contains("en", languages);
        Assert.Contains("sv", languages);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_key_is_in_every_language_and_no_other(string language)
    {
        var english = ResxFile("en");
        var texts = ResxFile(language);
        Assert.Empty(english.Keys.Except(texts.Keys).Select(k => $"Texts.{language}.resx lacks '{k}'"));
        Assert.Empty(texts.Keys.Except(english.Keys).Select(k => $"Texts.{language}.resx has '{k}', which Texts.resx has not"));
        Assert.Empty(texts.Where(t => string.IsNullOrWhiteSpace(t.Value) && !string.IsNullOrWhiteSpace(english[t.Key])).Select(t => $"'{t.Key}' is blank"));
        // The compiled resources are the files': a language's satellite is built and found.
        Assert.Equal(texts.OrderBy(t => t.Key, StringComparer.Ordinal), ReportTexts.For(language).All.OrderBy(t => t.Key, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_sentence_keeps_its_figures(string language)
    {
        static string Places(string text) => string.Join(",", Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Distinct().Order(StringComparer.Ordinal));
        var english = ResxFile("en");
        Assert.Empty(ResxFile(language).Where(t => Places(t.Value) != Places(english[t.Key])).Select(t => $"'{t.Key}': {t.Value}"));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_text_of_the_pack_definitions_is_a_key_and_every_sheet_name_fits_excel(string language)
    {
        var texts = ResxFile(language);
        foreach (var (definition, _) in PackCatalog.Load(Path.Combine(RepositoryPaths.Root, "reports")).Packs)
        {
            // Every missing text in the message, one a line, so that one run lists all that is to add.
            var missing = PackLanguage.Texts(definition).Where(t => !texts.ContainsKey(t)).Distinct().Select(t => $"{definition.SourcePath}: '{t}' is not in Texts.{language}.resx").ToList();
            Assert.True(missing.Count == 0, string.Join("\n", missing));
            var names = definition.Sheets.Select(s => texts.GetValueOrDefault(s.Name, s.Name)).ToList();
            Assert.All(names, n => Assert.True(n.Length <= 31 && n.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) < 0, $"'{n}' is not an Excel sheet name"));
            Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        }
    }

    [Fact]
    public void English_texts_of_the_pack_definitions_are_their_own_keys()
    {
        var english = ResxFile("en");
        var texts = PackCatalog.Load(Path.Combine(RepositoryPaths.Root, "reports")).Packs.SelectMany(p => PackLanguage.Texts(p.Definition)).Distinct();
        Assert.All(texts, t => Assert.Equal(t, english.GetValueOrDefault(t)));
    }

    [Fact]
    public void Every_key_a_query_names_is_a_key_and_every_verdict_has_its_word()
    {
        var english = ResxFile("en");
        var named = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "queries"), "*.sql")
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"\btr\([^,()]+,\s*'([^']+)'\)").Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .ToList();
        Assert.NotEmpty(named);
        Assert.Empty(named.Where(n => !english.ContainsKey(n.Key)).Select(n => $"{n.File}: '{n.Key}'"));
        // The covers write tr(org, 'value:' || rag): judge()'s verdicts (queries/_judge.sql).
        Assert.All(Verdicts, v => Assert.Contains(ReportTexts.ValuePrefix + v, english.Keys));
    }

    [Fact]
    public void A_language_without_its_file_is_refused_naming_the_file_to_add()
    {
        Assert.False(ReportTexts.Exists("de"));
        var error = Assert.Throws<ArgumentException>(() => ReportTexts.For("de"));
        Assert.Contains("Texts.de.resx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_are_in_words_in_the_firms_language()
    {
        Assert.Equal("5 business days", PolicyTables.InWords("5 business_days"));
        Assert.Equal("1 week", PolicyTables.InWords("1 weeks"));
        Assert.Equal("5 arbetsdagar; 1 vecka från 2026-01-01", PolicyTables.InWords("5 business_days; 1 weeks from 2026-01-01", ReportTexts.For("sv")));
    }
}
