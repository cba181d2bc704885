using ComplianceAnalytics.DuckDb.Native;

namespace ComplianceAnalytics.DuckDb;

/// <summary>
/// Forward-only reader over a query result. Rows are read chunk by chunk (duckdb_fetch_chunk) and values
/// straight from each chunk's vector memory.
/// </summary>
public sealed class DuckDbReader : IDisposable
{
    private readonly ResultHandle _result;
    private readonly ColumnVector[] _columns;
    private readonly string[] _names;
    private DataChunkHandle? _chunk;
    private ulong _chunkSize;
    private ulong _row;
    private bool _exhausted;

    internal DuckDbReader(ResultHandle result)
    {
        _result = result;
        var count = checked((int)NativeMethods.duckdb_column_count(result));
        _columns = new ColumnVector[count];
        _names = new string[count];
        for (var i = 0; i < count; i++)
        {
            _names[i] = NativeMethods.ReadUtf8(NativeMethods.duckdb_column_name(result, (ulong)i)) ?? string.Empty;
            var logicalType = NativeMethods.duckdb_column_logical_type(result, (ulong)i);
            try
            {
                _columns[i] = ColumnVector.FromLogicalType(logicalType);
            }
            finally
            {
                NativeMethods.duckdb_destroy_logical_type(ref logicalType);
            }
        }

        RowsChanged = checked((long)NativeMethods.duckdb_rows_changed(result));
    }

    public int FieldCount => _columns.Length;

    /// <summary>Rows inserted, updated or deleted by the statement; 0 for queries.</summary>
    public long RowsChanged { get; }

    public bool Read()
    {
        ObjectDisposedException.ThrowIf(_result.IsClosed, this);
        if (_exhausted)
        {
            return false;
        }

        if (_chunk is not null && ++_row < _chunkSize)
        {
            return true;
        }

        // Empty chunks are skipped; a null chunk ends the result.
        do
        {
            ReleaseChunk();
            _chunk = _result.FetchChunk();
            if (_chunk is null)
            {
                _exhausted = true;
                var error = NativeMethods.ReadUtf8(NativeMethods.duckdb_result_error(_result));
                return error is null ? false : throw new DuckDbException(error);
            }

            _chunkSize = NativeMethods.duckdb_data_chunk_get_size(_chunk);
        }
        while (_chunkSize == 0);

        for (var i = 0; i < _columns.Length; i++)
        {
            _columns[i].Attach(NativeMethods.duckdb_data_chunk_get_vector(_chunk, (ulong)i));
        }

        _row = 0;
        return true;
    }

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

    public DuckDbType GetColumnType(int ordinal) => _columns[CheckOrdinal(ordinal)].Type;

    public bool IsNull(int ordinal) => Current(ordinal).IsNull(_row);

    /// <summary>VARCHAR text; other types are formatted culture-invariantly.</summary>
    public string GetString(int ordinal) => NotNull(ordinal).GetString(_row);

    /// <summary>
    /// VARCHAR text as <paramref name="pool"/>'s one string of that text: for columns with few distinct values
    /// read over many rows, which then allocate nothing.
    /// </summary>
    public string GetString(int ordinal, StringPool pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return NotNull(ordinal).GetString(_row, pool);
    }

    /// <summary>Whether the VARCHAR value equals <paramref name="value"/> (ordinal), without reading it into a string.</summary>
    public bool StringEquals(int ordinal, string? value) =>
        value is not null && !IsNull(ordinal) && Current(ordinal).StringEquals(_row, value);

    /// <summary>Any integer type (checked) or a DECIMAL with scale 0.</summary>
    public long GetInt64(int ordinal) => NotNull(ordinal).GetInt64(_row);

    public int GetInt32(int ordinal) => checked((int)GetInt64(ordinal));

    /// <summary>FLOAT, DOUBLE, DECIMAL or any integer type.</summary>
    public double GetDouble(int ordinal) => NotNull(ordinal).GetDouble(_row);

    /// <summary>DECIMAL of any width (exact when System.Decimal can hold it), integers, or floating point.</summary>
    public decimal GetDecimal(int ordinal) => NotNull(ordinal).GetDecimal(_row);

    public bool GetBoolean(int ordinal) => NotNull(ordinal).GetBoolean(_row);

    public DateOnly GetDate(int ordinal) => NotNull(ordinal).GetDate(_row);

    /// <summary>Microseconds since the epoch of a TIMESTAMP (read as UTC) or TIMESTAMPTZ value.</summary>
    public long GetTimestampMicros(int ordinal) => NotNull(ordinal).GetTimestampMicros(_row);

    /// <summary>A TIMESTAMP or TIMESTAMPTZ value as a UTC <see cref="DateTime"/>.</summary>
    public DateTime GetDateTime(int ordinal) => Conversions.ToDateTime(GetTimestampMicros(ordinal));

    /// <summary>
    /// The value boxed as its natural .NET type (long, int, decimal, string, byte[], DateOnly, DateTime for
    /// TIMESTAMP, DateTimeOffset for TIMESTAMPTZ, Guid, Int128, DuckDbInterval, string?[] for a VARCHAR list,
    /// object?[] for other lists), or null.
    /// </summary>
    public object? GetValue(int ordinal) => Current(ordinal).GetValue(_row);

    private ColumnVector Current(int ordinal)
    {
        var column = _columns[CheckOrdinal(ordinal)];
        return _chunk is null || _row >= _chunkSize
            ? throw new InvalidOperationException("There is no current row; call Read() first.")
            : column;
    }

    private ColumnVector NotNull(int ordinal)
    {
        var column = Current(ordinal);
        return column.IsNull(_row)
            ? throw new InvalidCastException($"Column {ordinal} ('{_names[ordinal]}') is NULL in the current row.")
            : column;
    }

    private int CheckOrdinal(int ordinal)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ordinal);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(ordinal, _columns.Length);
        return ordinal;
    }

    private void ReleaseChunk()
    {
        foreach (var column in _columns)
        {
            column.Detach();
        }

        _chunk?.Dispose();
        _chunk = null;
    }

    public void Dispose()
    {
        ReleaseChunk();
        _result.Dispose();
    }
}
