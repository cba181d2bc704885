using ScottPlot;
using SkiaSharp;

namespace ComplianceAnalytics.Publishing;

/// <summary>
/// DejaVu Sans, embedded in the assembly (Publishing/Fonts, Bitstream Vera licence), registered with ScottPlot
/// as the font of every picture: a machine without fonts draws text rather than boxes, and every machine
/// draws the same glyphs.
/// </summary>
public static class PictureFonts
{
    /// <summary>The font family every picture draws in, resolved to the embedded files.</summary>
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<(byte[] Regular, byte[] Bold)> Files = new(() =>
        (Read("ComplianceAnalytics.Fonts.DejaVuSans.ttf"), Read("ComplianceAnalytics.Fonts.DejaVuSans-Bold.ttf")));

    private static readonly Lazy<bool> Registered = new(() =>
    {
        Fonts.FontResolvers.Insert(0, new EmbeddedResolver());
        Fonts.Default = Family;
        Fonts.Sans = Family;
        return true;
    });

    /// <summary>Registers the embedded fonts with ScottPlot once; call before drawing.</summary>
    public static void Register() => _ = Registered.Value;

    /// <summary>A new typeface of the embedded face: ScottPlot owns (and may dispose) what a resolver returns.</summary>
    public static SKTypeface Create(bool bold)
    {
        var bytes = bold ? Files.Value.Bold : Files.Value.Regular;
        using var data = SKData.CreateCopy(bytes);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException("An embedded DejaVu font is not a font.");
    }

    private static byte[] Read(string name)
    {
        using var stream = typeof(PictureFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font resource {name} is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Answers for <see cref="Family"/> only; any other family falls through to ScottPlot's own resolvers.</summary>
    private sealed class EmbeddedResolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            string.Equals(fontName, Family, StringComparison.OrdinalIgnoreCase) ? Create(bold) : null;
    }
}
