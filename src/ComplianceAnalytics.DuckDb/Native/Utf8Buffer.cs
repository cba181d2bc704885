using System.Buffers;
using System.Text;

namespace ComplianceAnalytics.DuckDb.Native;

/// <summary>
/// UTF-8 bytes of a string in a pooled buffer, passed to DuckDB with an explicit length so that no
/// per-call allocation happens and embedded NUL characters survive.
/// </summary>
internal ref struct Utf8Buffer
{
    private byte[]? _rented;

    public Utf8Buffer(string value)
    {
        _rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(value.Length));
        Length = Encoding.UTF8.GetBytes(value, _rented);
    }

    public int Length { get; }

    public readonly ref byte GetPinnableReference() => ref _rented![0];

    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
            _rented = null;
        }
    }
}
