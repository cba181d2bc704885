using System.Text;

namespace ComplianceAnalytics.DuckDb;

/// <summary>
/// One string per distinct text read through it, for columns whose few values repeat over many rows
/// (organisations, event types): reading such a value then allocates nothing. Not thread-safe.
/// </summary>
public sealed class StringPool
{
    /// <summary>Longer values are decoded without pooling; pooled values are short codes.</summary>
    private const int MaxPooledBytes = 256;

    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>How many distinct strings the pool holds.</summary>
    public int Count => _strings.Count;

    internal string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxPooledBytes)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        Span<char> chars = stackalloc char[MaxPooledBytes];
        var text = chars[..Encoding.UTF8.GetChars(utf8, chars)];
        if (_lookup.TryGetValue(text, out var pooled))
        {
            return pooled;
        }

        var created = new string(text);
        _strings.Add(created);
        return created;
    }
}
