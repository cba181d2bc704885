using System.Globalization;
using System.Text;

namespace ComplianceAnalytics.Measures;

/// <summary>
/// Writes machine-readable CSV (contract §6): RFC 4180 quoting, LF line ends, culture-invariant
/// numbers with the shortest text that round-trips, never with an exponent, instants as ISO 8601 UTC with <c>Z</c>, and
/// empty text for none. Written to a temporary file and renamed, so a reader never sees half a file.
/// </summary>
public static class CsvOutput
{
    /// <summary>Writes <paramref name="table"/> with a header row to <paramref name="path"/>, replacing it atomically.</summary>
    public static void Write(string path, QueryTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var temporary = path + ".tmp";
        using (var writer = new StreamWriter(temporary, false, new UTF8Encoding(false)))
        {
            writer.NewLine = "\n";
            writer.WriteLine(string.Join(',', table.Columns.Select(Quote)));
            foreach (var row in table.Rows)
            {
                writer.WriteLine(string.Join(',', row.Select(v => Quote(Format(v)))));
            }
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>A value as the CSV files write it, before quoting: empty for null, invariant numbers, instants as UTC with <c>Z</c>.</summary>
    public static string Format(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        bool b => b ? "true" : "false",
        double d => Positional(d.ToString("R", CultureInfo.InvariantCulture)),
        float f => Positional(f.ToString("R", CultureInfo.InvariantCulture)),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        DateTime t => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        NodaTime.Instant i => NodaTime.Text.InstantPattern.ExtendedIso.Format(i),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>
    /// A round-trip number in positional notation. "R" writes an exponent below 1e-5 (a pause of one
    /// microsecond is <c>1E-06</c> seconds), which readers that expect a plain decimal refuse. decimal writes
    /// the same digits out; a value it cannot hold exactly (below 1e-28 or above 7.9e28) keeps its exponent.
    /// </summary>
    private static string Positional(string roundTrip)
    {
        if (!roundTrip.Contains('E', StringComparison.Ordinal)
            || !decimal.TryParse(roundTrip, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return roundTrip;
        }

        var positional = value.ToString(CultureInfo.InvariantCulture);
        return double.Parse(positional, CultureInfo.InvariantCulture) == double.Parse(roundTrip, CultureInfo.InvariantCulture)
            ? positional
            : roundTrip;
    }

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
