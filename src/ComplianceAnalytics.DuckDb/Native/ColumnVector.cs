using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace ComplianceAnalytics.DuckDb.Native;

/// <summary>
/// One column's type (from its logical type) and its current vector's memory. Values are read straight
/// from the vector's data and validity arrays; the only native calls happen once per chunk.
/// </summary>
internal sealed unsafe class ColumnVector
{
    private void* _data;
    private ulong* _validity;

    private ColumnVector(DuckDbType type, DuckDbType physicalType, int scale, ColumnVector? child)
    {
        Type = type;
        PhysicalType = physicalType;
        Scale = scale;
        Child = child;
    }

    public DuckDbType Type { get; }

    /// <summary>The storage type: for DECIMAL its internal integer type, otherwise <see cref="Type"/>.</summary>
    public DuckDbType PhysicalType { get; }

    public int Scale { get; }

    /// <summary>The element column of a LIST.</summary>
    public ColumnVector? Child { get; }

    /// <summary>Describes a column from a logical type, which the caller still owns.</summary>
    public static ColumnVector FromLogicalType(nint logicalType)
    {
        var type = NativeMethods.duckdb_get_type_id(logicalType);
        switch (type)
        {
            case DuckDbType.Decimal:
                return new ColumnVector(
                    type,
                    NativeMethods.duckdb_decimal_internal_type(logicalType),
                    NativeMethods.duckdb_decimal_scale(logicalType),
                    child: null);
            case DuckDbType.List:
                var childType = NativeMethods.duckdb_list_type_child_type(logicalType);
                try
                {
                    return new ColumnVector(type, type, 0, FromLogicalType(childType));
                }
                finally
                {
                    NativeMethods.duckdb_destroy_logical_type(ref childType);
                }

            default:
                return new ColumnVector(type, type, 0, child: null);
        }
    }

    public void Attach(nint vector)
    {
        _data = NativeMethods.duckdb_vector_get_data(vector);
        _validity = NativeMethods.duckdb_vector_get_validity(vector);
        Child?.Attach(NativeMethods.duckdb_list_vector_get_child(vector));
    }

    public void Detach()
    {
        _data = null;
        _validity = null;
        Child?.Detach();
    }

    // A null validity mask means every row is valid; otherwise bit (row % 64) of word (row / 64).
    public bool IsNull(ulong row) => _validity != null && (_validity[row >> 6] & (1UL << (int)(row & 63))) == 0;

    private T At<T>(ulong row) where T : unmanaged => ((T*)_data)[row];

    public long GetInt64(ulong row) => Type switch
    {
        DuckDbType.BigInt => At<long>(row),
        DuckDbType.Integer => At<int>(row),
        DuckDbType.SmallInt => At<short>(row),
        DuckDbType.TinyInt => At<sbyte>(row),
        DuckDbType.UBigInt => checked((long)At<ulong>(row)),
        DuckDbType.UInteger => At<uint>(row),
        DuckDbType.USmallInt => At<ushort>(row),
        DuckDbType.UTinyInt => At<byte>(row),
        DuckDbType.HugeInt => checked((long)At<Int128>(row)),
        DuckDbType.UHugeInt => checked((long)At<UInt128>(row)),
        DuckDbType.Decimal when Scale == 0 => checked((long)GetUnscaled(row)),
        _ => throw InvalidCast(nameof(Int64)),
    };

    public double GetDouble(ulong row) => Type switch
    {
        DuckDbType.Double => At<double>(row),
        DuckDbType.Float => At<float>(row),
        DuckDbType.Decimal => (double)GetUnscaled(row) / Math.Pow(10, Scale),
        DuckDbType.HugeInt => (double)At<Int128>(row),
        DuckDbType.UHugeInt => (double)At<UInt128>(row),
        DuckDbType.UBigInt => At<ulong>(row),
        _ => GetInt64(row),
    };

    public decimal GetDecimal(ulong row) => Type switch
    {
        DuckDbType.Decimal => Conversions.ToDecimal(GetUnscaled(row), Scale),
        DuckDbType.HugeInt => (decimal)At<Int128>(row),
        DuckDbType.UHugeInt => (decimal)At<UInt128>(row),
        DuckDbType.UBigInt => At<ulong>(row),
        DuckDbType.Double => (decimal)At<double>(row),
        DuckDbType.Float => (decimal)At<float>(row),
        _ => GetInt64(row),
    };

    private Int128 GetUnscaled(ulong row) => PhysicalType switch
    {
        DuckDbType.SmallInt => At<short>(row),
        DuckDbType.Integer => At<int>(row),
        DuckDbType.BigInt => At<long>(row),
        DuckDbType.HugeInt => At<Int128>(row),
        _ => throw InvalidCast(nameof(Decimal)),
    };

    public bool GetBoolean(ulong row) =>
        Type == DuckDbType.Boolean ? At<byte>(row) != 0 : throw InvalidCast(nameof(Boolean));

    public DateOnly GetDate(ulong row) =>
        Type == DuckDbType.Date ? Conversions.FromDays(At<int>(row)) : throw InvalidCast(nameof(DateOnly));

    public long GetTimestampMicros(ulong row) => Type switch
    {
        DuckDbType.Timestamp or DuckDbType.TimestampTz => At<long>(row),
        DuckDbType.TimestampS => checked(At<long>(row) * 1_000_000),
        DuckDbType.TimestampMs => checked(At<long>(row) * 1_000),
        DuckDbType.TimestampNs => Conversions.FloorDivide(At<long>(row), 1_000),
        DuckDbType.Date => checked(At<int>(row) * 86_400_000_000L),
        _ => throw InvalidCast("timestamp"),
    };

    public string GetString(ulong row) => Type switch
    {
        DuckDbType.Varchar => Encoding.UTF8.GetString(StringAt(row)),
        _ => Format(GetValue(row)),
    };

    /// <summary>Whether the VARCHAR value equals <paramref name="value"/>, without making a string of it.</summary>
    public bool StringEquals(ulong row, string value)
    {
        if (Type != DuckDbType.Varchar)
        {
            throw InvalidCast("VARCHAR");
        }

        var bytes = StringAt(row);
        // ASCII text compares byte for char; other text is decoded, since its UTF-8 length differs from its length.
        return Ascii.IsValid(bytes)
            ? bytes.Length == value.Length && Ascii.Equals(bytes, value)
            : string.Equals(Encoding.UTF8.GetString(bytes), value, StringComparison.Ordinal);
    }

    /// <summary>The VARCHAR value as the pool's string of that text.</summary>
    public string GetString(ulong row, StringPool pool) => Type switch
    {
        DuckDbType.Varchar => pool.Get(StringAt(row)),
        _ => throw InvalidCast("VARCHAR"),
    };

    // duckdb_string_t (16 bytes): uint32 length, then up to 12 inlined bytes, or a 4-byte prefix and a pointer.
    private ReadOnlySpan<byte> StringAt(ulong row)
    {
        var entry = (byte*)_data + (row * 16);
        var length = *(uint*)entry;
        return length <= 12
            ? new ReadOnlySpan<byte>(entry + 4, (int)length)
            : new ReadOnlySpan<byte>(*(byte**)(entry + 8), checked((int)length));
    }

    public object? GetValue(ulong row)
    {
        if (IsNull(row))
        {
            return null;
        }

        return Type switch
        {
            DuckDbType.Boolean => GetBoolean(row),
            DuckDbType.TinyInt => At<sbyte>(row),
            DuckDbType.SmallInt => At<short>(row),
            DuckDbType.Integer => At<int>(row),
            DuckDbType.BigInt => At<long>(row),
            DuckDbType.UTinyInt => At<byte>(row),
            DuckDbType.USmallInt => At<ushort>(row),
            DuckDbType.UInteger => At<uint>(row),
            DuckDbType.UBigInt => At<ulong>(row),
            DuckDbType.HugeInt => At<Int128>(row),
            DuckDbType.UHugeInt => At<UInt128>(row),
            DuckDbType.Float => At<float>(row),
            DuckDbType.Double => At<double>(row),
            DuckDbType.Decimal => GetDecimal(row),
            DuckDbType.Varchar => Encoding.UTF8.GetString(StringAt(row)),
            DuckDbType.Blob => StringAt(row).ToArray(),
            DuckDbType.Date => GetDate(row),
            DuckDbType.Time => TimeOnly.FromTimeSpan(TimeSpan.FromMicroseconds(At<long>(row))),
            DuckDbType.Timestamp or DuckDbType.TimestampS or DuckDbType.TimestampMs or DuckDbType.TimestampNs =>
                Conversions.ToDateTime(GetTimestampMicros(row)),
            DuckDbType.TimestampTz => new DateTimeOffset(Conversions.ToDateTime(GetTimestampMicros(row))),
            DuckDbType.Interval => At<DuckDbInterval>(row),
            DuckDbType.Uuid => ReadUuid(row),
            DuckDbType.List => ReadList(row),
            _ => throw new NotSupportedException($"Reading DuckDB {Type} values is not supported; cast the column in SQL."),
        };
    }

    // DuckDB stores a UUID as a hugeint with the top bit flipped so that signed order is byte order.
    private Guid ReadUuid(ulong row)
    {
        var value = At<Int128>(row) ^ (Int128.One << 127);
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, (UInt128)value);
        return new Guid(bytes, bigEndian: true);
    }

    // duckdb_list_entry: uint64 offset and uint64 length into the child vector.
    private object ReadList(ulong row)
    {
        var entry = (ulong*)_data + (row * 2);
        var (offset, length) = (entry[0], checked((int)entry[1]));
        var child = Child!;
        if (child.Type == DuckDbType.Varchar)
        {
            var strings = new string?[length];
            for (var i = 0; i < length; i++)
            {
                var childRow = offset + (ulong)i;
                strings[i] = child.IsNull(childRow) ? null : Encoding.UTF8.GetString(child.StringAt(childRow));
            }

            return strings;
        }

        var values = new object?[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = child.GetValue(offset + (ulong)i);
        }

        return values;
    }

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

    private InvalidCastException InvalidCast(string target) => new($"A DuckDB {Type} column cannot be read as {target}.");
}
