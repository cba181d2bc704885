using ComplianceAnalytics.DuckDb.Native;

namespace ComplianceAnalytics.DuckDb;

/// <summary>
/// Bulk insert into one table: append one value per column in order, then <see cref="EndRow"/>.
/// Disposing flushes and closes; an error doing so is raised as a <see cref="DuckDbException"/>. After an
/// append has already failed, disposing discards the unflushed rows quietly so that the first error is not
/// masked by a second one.
/// </summary>
public sealed unsafe class DuckDbAppender : IDisposable
{
    private readonly AppenderHandle _handle;
    private bool _faulted;

    internal DuckDbAppender(AppenderHandle handle) => _handle = handle;

    private AppenderHandle Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            return _handle;
        }
    }

    public DuckDbAppender Append(string? value)
    {
        if (value is null)
        {
            return AppendNull();
        }

        using var utf8 = new Utf8Buffer(value);
        fixed (byte* p = utf8)
        {
            return Check(NativeMethods.duckdb_append_varchar_length(Handle, p, (ulong)utf8.Length));
        }
    }

    public DuckDbAppender Append(long value) => Check(NativeMethods.duckdb_append_int64(Handle, value));

    public DuckDbAppender Append(int value) => Check(NativeMethods.duckdb_append_int32(Handle, value));

    public DuckDbAppender Append(double value) => Check(NativeMethods.duckdb_append_double(Handle, value));

    public DuckDbAppender Append(bool value) => Check(NativeMethods.duckdb_append_bool(Handle, value));

    /// <summary>Appends exactly: the value goes in as DECIMAL(38, scale) and DuckDB casts it to the column's type.</summary>
    public DuckDbAppender Append(decimal value)
    {
        var native = NativeMethods.duckdb_create_decimal(Conversions.ToDuckDbDecimal(value));
        try
        {
            return Check(NativeMethods.duckdb_append_value(Handle, native));
        }
        finally
        {
            NativeMethods.duckdb_destroy_value(ref native);
        }
    }

    public DuckDbAppender AppendNull() => Check(NativeMethods.duckdb_append_null(Handle));

    /// <summary>Microseconds since 1970-01-01T00:00:00Z, for a TIMESTAMP or TIMESTAMPTZ column.</summary>
    public DuckDbAppender AppendTimestampMicros(long micros) => Check(NativeMethods.duckdb_append_timestamp(Handle, micros));

    public DuckDbAppender AppendDate(DateOnly value) => Check(NativeMethods.duckdb_append_date(Handle, Conversions.ToDays(value)));

    public DuckDbAppender EndRow() => Check(NativeMethods.duckdb_appender_end_row(Handle));

    /// <summary>Writes the buffered rows to the table.</summary>
    public void Flush() => Check(NativeMethods.duckdb_appender_flush(Handle));

    public void Dispose()
    {
        if (_handle.IsClosed)
        {
            return;
        }

        try
        {
            if (_faulted)
            {
                NativeMethods.duckdb_appender_clear(_handle);
            }
            else
            {
                // duckdb_appender_close silently skips the flush when a row is incomplete; an explicit flush
                // reports that instead.
                Check(NativeMethods.duckdb_appender_flush(_handle));
                Check(NativeMethods.duckdb_appender_close(_handle));
            }
        }
        finally
        {
            _handle.Dispose();
        }
    }

    private DuckDbAppender Check(int state)
    {
        if (state != NativeMethods.Success)
        {
            _faulted = true;
            var message = NativeMethods.ReadUtf8(NativeMethods.duckdb_appender_error(_handle));
            throw new DuckDbException(message ?? "The DuckDB appender failed.");
        }

        return this;
    }
}
