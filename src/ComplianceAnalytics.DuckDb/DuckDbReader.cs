using System.Collections;
using System.Globalization;
using System.Numerics;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace ComplianceAnalytics.DuckDb;

/// <summary>
/// Forward-only reader over a query result, streamed chunk by chunk. Getters convert between the
/// numeric widths and read instants as UTC, whatever the provider's own defaults.
/// </summary>
public sealed class DuckDbReader : IDisposable
{
    private readonly DuckDBCommand _command;
    private readonly DuckDBDataReader _reader;
    private readonly DuckDbType[] _types;
    private readonly string[] _names;
    private bool _onRow;
    private bool _disposed;

    private DuckDbReader(DuckDBCommand command, DuckDBDataReader reader)
    {
        _command = command;
        _reader = reader;
        _types = new DuckDbType[reader.FieldCount];
        _names = new string[reader.FieldCount];
        for (var i = 0; i < _types.Length; i++)
        {
            // The provider names its type enumeration's member; its numbers are DuckDB's C API's, as ours.
            _types[i] = (DuckDbType)(int)Enum.Parse<DuckDBType>(reader.GetDataTypeName(i));
            _names[i] = reader.GetName(i);
        }
    }

    /// <summary>Runs <paramref name="command"/>; the reader owns and disposes it.</summary>
    internal static DuckDbReader Execute(DuckDBCommand command)
    {
        try
        {
            var reader = DuckDbException.Translate(command.ExecuteReader);
            return new DuckDbReader(command, reader);
        }
        catch
        {
            command.Dispose();
            throw;
        }
    }

    /// <summary>The number of columns in the result.</summary>
    public int FieldCount => _types.Length;

    /// <summary>Moves to the next row.</summary>
    /// <returns>False once the rows are exhausted.</returns>
    public bool Read()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _onRow = DuckDbException.Translate(_reader.Read);
        return _onRow;
    }

    /// <summary>The name of the column at <paramref name="ordinal"/> (zero-based), as the query spelled it.</summary>
    public string GetName(int ordinal) => _names[CheckOrdinal(ordinal)];

    /// <summary>The ordinal of the column called <paramref name="name"/>, matched exactly first, then ignoring case.</summary>
    public int GetOrdinal(string name)
    {
        var index = Array.IndexOf(_names, name);
        if (index < 0)
        {
            index = Array.FindIndex(_names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        }

        return index >= 0 ? index : throw new ArgumentOutOfRangeException(nameof(name), name, "The result has no such column.");
    }

    /// <summary>The DuckDB type of the column at <paramref name="ordinal"/> (zero-based).</summary>
    public DuckDbType GetColumnType(int ordinal) => _types[CheckOrdinal(ordinal)];

    /// <summary>Whether the current row's value in the column at <paramref name="ordinal"/> is NULL.</summary>
    public bool IsNull(int ordinal)
    {
        CheckRow(ordinal);
        return _reader.IsDBNull(ordinal);
    }

    /// <summary>VARCHAR text; other types are formatted culture-invariantly.</summary>
    public string GetString(int ordinal) =>
        NotNull(ordinal) == DuckDbType.Varchar ? _reader.GetFieldValue<string>(ordinal) : Format(GetValue(ordinal));

    /// <summary>Whether the VARCHAR value equals <paramref name="value"/> (ordinal).</summary>
    public bool StringEquals(int ordinal, string? value) =>
        value is not null && !IsNull(ordinal) && string.Equals(GetString(ordinal), value, StringComparison.Ordinal);

    /// <summary>Any integer type (checked) or a DECIMAL with scale 0.</summary>
    public long GetInt64(int ordinal) => NotNull(ordinal) switch
    {
        DuckDbType.BigInt => _reader.GetFieldValue<long>(ordinal),
        DuckDbType.Integer => _reader.GetFieldValue<int>(ordinal),
        DuckDbType.SmallInt => _reader.GetFieldValue<short>(ordinal),
        DuckDbType.TinyInt => _reader.GetFieldValue<sbyte>(ordinal),
        DuckDbType.UInteger => _reader.GetFieldValue<uint>(ordinal),
        DuckDbType.USmallInt => _reader.GetFieldValue<ushort>(ordinal),
        DuckDbType.UTinyInt => _reader.GetFieldValue<byte>(ordinal),
        DuckDbType.UBigInt => checked((long)_reader.GetFieldValue<ulong>(ordinal)),
        DuckDbType.HugeInt or DuckDbType.UHugeInt => checked((long)_reader.GetFieldValue<BigInteger>(ordinal)),
        DuckDbType.Decimal when decimal.Truncate(_reader.GetDecimal(ordinal)) == _reader.GetDecimal(ordinal) =>
            checked((long)_reader.GetDecimal(ordinal)),
        var type => throw InvalidCast(ordinal, type, nameof(Int64)),
    };

    /// <summary>Any integer type or a DECIMAL with scale 0, checked to fit in 32 bits.</summary>
    public int GetInt32(int ordinal) => checked((int)GetInt64(ordinal));

    /// <summary>FLOAT, DOUBLE, DECIMAL or any integer type.</summary>
    public double GetDouble(int ordinal) => NotNull(ordinal) switch
    {
        DuckDbType.Double => _reader.GetFieldValue<double>(ordinal),
        DuckDbType.Float => _reader.GetFieldValue<float>(ordinal),
        DuckDbType.Decimal => (double)_reader.GetDecimal(ordinal),
        DuckDbType.HugeInt or DuckDbType.UHugeInt => (double)_reader.GetFieldValue<BigInteger>(ordinal),
        DuckDbType.UBigInt => _reader.GetFieldValue<ulong>(ordinal),
        _ => GetInt64(ordinal),
    };

    /// <summary>DECIMAL of any width (exact when System.Decimal can hold it), integers, or floating point.</summary>
    public decimal GetDecimal(int ordinal) => NotNull(ordinal) switch
    {
        DuckDbType.Decimal => _reader.GetDecimal(ordinal),
        DuckDbType.HugeInt or DuckDbType.UHugeInt => (decimal)_reader.GetFieldValue<BigInteger>(ordinal),
        DuckDbType.UBigInt => _reader.GetFieldValue<ulong>(ordinal),
        DuckDbType.Double => (decimal)_reader.GetFieldValue<double>(ordinal),
        DuckDbType.Float => (decimal)_reader.GetFieldValue<float>(ordinal),
        _ => GetInt64(ordinal),
    };

    /// <summary>A BOOLEAN value; other types fail with an InvalidCastException.</summary>
    public bool GetBoolean(int ordinal) => NotNull(ordinal) == DuckDbType.Boolean
        ? _reader.GetBoolean(ordinal)
        : throw InvalidCast(ordinal, _types[ordinal], nameof(Boolean));

    /// <summary>A DATE value as a calendar day without a time zone; other types fail with an InvalidCastException.</summary>
    public DateOnly GetDate(int ordinal) => NotNull(ordinal) == DuckDbType.Date
        ? _reader.GetFieldValue<DateOnly>(ordinal)
        : throw InvalidCast(ordinal, _types[ordinal], nameof(DateOnly));

    /// <summary>Microseconds since the epoch of a TIMESTAMP (read as UTC), TIMESTAMPTZ or DATE value.</summary>
    public long GetTimestampMicros(int ordinal) => NotNull(ordinal) switch
    {
        DuckDbType.Timestamp or DuckDbType.TimestampTz or DuckDbType.TimestampS or DuckDbType.TimestampMs or DuckDbType.TimestampNs =>
            DuckDbConversions.ToMicros(_reader.GetFieldValue<DateTime>(ordinal)),
        DuckDbType.Date => DuckDbConversions.ToMicros(_reader.GetFieldValue<DateOnly>(ordinal).ToDateTime(TimeOnly.MinValue)),
        var type => throw InvalidCast(ordinal, type, "timestamp"),
    };

    /// <summary>A TIMESTAMP or TIMESTAMPTZ value as a UTC <see cref="DateTime"/>.</summary>
    public DateTime GetDateTime(int ordinal) => DuckDbConversions.ToDateTime(GetTimestampMicros(ordinal));

    /// <summary>
    /// The value boxed as its natural .NET type (long, int, decimal, string, byte[], DateOnly, DateTime for
    /// TIMESTAMP, DateTimeOffset for TIMESTAMPTZ, Guid, Int128, DuckDbInterval, string?[] for a VARCHAR list,
    /// object?[] for other lists), or null.
    /// </summary>
    public object? GetValue(int ordinal)
    {
        if (IsNull(ordinal))
        {
            return null;
        }

        return _types[ordinal] switch
        {
            DuckDbType.Timestamp or DuckDbType.TimestampS or DuckDbType.TimestampMs or DuckDbType.TimestampNs => GetDateTime(ordinal),
            DuckDbType.TimestampTz => new DateTimeOffset(GetDateTime(ordinal)),
            DuckDbType.HugeInt => (Int128)_reader.GetFieldValue<BigInteger>(ordinal),
            DuckDbType.UHugeInt => (UInt128)_reader.GetFieldValue<BigInteger>(ordinal),
            DuckDbType.Interval => ToInterval(_reader.GetFieldValue<DuckDBInterval>(ordinal)),
            DuckDbType.Time => TimeOnly.FromTimeSpan(_reader.GetFieldValue<TimeSpan>(ordinal)),
            DuckDbType.Blob => ReadBlob(ordinal),
            DuckDbType.List => ToList((IEnumerable)_reader.GetValue(ordinal)),
            _ => _reader.GetValue(ordinal),
        };
    }

    private static DuckDbInterval ToInterval(DuckDBInterval interval) => new(interval.Months, interval.Days, checked((long)interval.Micros));

    private byte[] ReadBlob(int ordinal)
    {
        using var stream = _reader.GetStream(ordinal);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static object ToList(IEnumerable items)
    {
        var values = items.Cast<object?>().ToArray();
        return items.GetType().GetGenericArguments() is [var element] && element == typeof(string)
            ? values.Select(v => (string?)v).ToArray()
            : values;
    }

    private DuckDbType NotNull(int ordinal)
    {
        CheckRow(ordinal);
        return _reader.IsDBNull(ordinal)
            ? throw new InvalidCastException($"Column {ordinal} ('{_names[ordinal]}') is NULL in the current row.")
            : _types[ordinal];
    }

    private void CheckRow(int ordinal)
    {
        CheckOrdinal(ordinal);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_onRow)
        {
            throw new InvalidOperationException("There is no current row; call Read() first.");
        }
    }

    private int CheckOrdinal(int ordinal)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ordinal);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(ordinal, _types.Length);
        return ordinal;
    }

    private InvalidCastException InvalidCast(int ordinal, DuckDbType type, string target) =>
        new($"Column {ordinal} ('{_names[ordinal]}'): a DuckDB {type} column cannot be read as {target}.");

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff'+00'", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        byte[] blob => Convert.ToHexString(blob),
        string?[] list => "[" + string.Join(", ", list.Select(s => s ?? "NULL")) + "]",
        object?[] list => "[" + string.Join(", ", list.Select(v => v is null ? "NULL" : Format(v))) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _reader.Dispose();
        _command.Dispose();
    }
}
