using ComplianceAnalytics.DuckDb.Native;

namespace ComplianceAnalytics.DuckDb;

/// <summary>
/// A connection to a <see cref="DuckDbDatabase"/>. Not thread-safe, except for <see cref="Interrupt"/>.
/// Values always travel as bound parameters, never inside the SQL text.
/// </summary>
public sealed class DuckDbConnection : IDisposable
{
    private readonly ConnectionHandle _handle;

    internal DuckDbConnection(ConnectionHandle handle) => _handle = handle;

    internal bool IsOpen => !_handle.IsClosed;

    internal ConnectionHandle Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            return _handle;
        }
    }

    /// <summary>
    /// Runs a statement and returns the rows it changed. Without parameters the text may hold several
    /// statements separated by ';' (the count is then the last statement's).
    /// </summary>
    public long Execute(string sql, params object?[] parameters)
    {
        using var reader = Query(sql, parameters);
        return reader.RowsChanged;
    }

    /// <summary>Runs a query; with parameters it is prepared, bound and executed.</summary>
    /// <remarks>
    /// A lone <c>string[]</c> argument is taken by C# as the whole parameter list; pass <c>(object)array</c>
    /// to bind it as one VARCHAR[] parameter.
    /// </remarks>
    public DuckDbReader Query(string sql, params object?[] parameters)
    {
        ArgumentNullException.ThrowIfNull(sql);
        if (parameters is { Length: > 0 })
        {
            using var statement = Prepare(sql);
            statement.BindAll(parameters);
            return statement.ExecuteReader();
        }

        var result = new ResultHandle();
        try
        {
            var state = NativeMethods.duckdb_query(Handle, sql, result);
            ThrowOnError(state, result);
            return new DuckDbReader(result);
        }
        catch
        {
            result.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The first column of the first row converted to <typeparamref name="T"/> (long, int, double, decimal,
    /// string, bool, DateOnly, DateTime, DateTimeOffset, DuckDbTimestamp or object), or default when the value
    /// is NULL or there is no row. Ask for a nullable value type (e.g. <c>long?</c>) to tell NULL from zero.
    /// </summary>
    public T? Scalar<T>(string sql, params object?[] parameters)
    {
        using var reader = Query(sql, parameters);
        if (!reader.Read() || reader.IsNull(0))
        {
            return default;
        }

        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        object value = target switch
        {
            _ when target == typeof(long) => reader.GetInt64(0),
            _ when target == typeof(int) => reader.GetInt32(0),
            _ when target == typeof(double) => reader.GetDouble(0),
            _ when target == typeof(decimal) => reader.GetDecimal(0),
            _ when target == typeof(string) => reader.GetString(0),
            _ when target == typeof(bool) => reader.GetBoolean(0),
            _ when target == typeof(DateOnly) => reader.GetDate(0),
            _ when target == typeof(DateTime) => reader.GetDateTime(0),
            _ when target == typeof(DateTimeOffset) => new DateTimeOffset(reader.GetDateTime(0)),
            _ when target == typeof(DuckDbTimestamp) => new DuckDbTimestamp(reader.GetTimestampMicros(0)),
            _ when target == typeof(object) => reader.GetValue(0)!,
            _ => throw new NotSupportedException($"Scalar<{typeof(T).Name}> is not supported."),
        };
        return (T)value;
    }

    public DuckDbPreparedStatement Prepare(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var state = NativeMethods.duckdb_prepare(Handle, sql, out var statement);
        if (state != NativeMethods.Success)
        {
            var message = NativeMethods.ReadUtf8(NativeMethods.duckdb_prepare_error(statement));
            statement.Dispose();
            throw new DuckDbException(message ?? "Could not prepare the statement.");
        }

        return new DuckDbPreparedStatement(statement);
    }

    /// <summary>An appender for bulk inserts into <paramref name="table"/>, column by column, row by row.</summary>
    /// <param name="catalog">The attached database that holds the table; the default database when null.</param>
    public DuckDbAppender CreateAppender(string table, string? schema = null, string? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var state = NativeMethods.duckdb_appender_create_ext(Handle, catalog, schema, table, out var appender);
        if (state != NativeMethods.Success)
        {
            var message = NativeMethods.ReadUtf8(NativeMethods.duckdb_appender_error(appender));
            appender.Dispose();
            throw new DuckDbException(message ?? $"Could not create an appender for table '{table}'.");
        }

        return new DuckDbAppender(appender);
    }

    public DuckDbTransaction BeginTransaction()
    {
        Execute("BEGIN TRANSACTION");
        return new DuckDbTransaction(this);
    }

    /// <summary>Asks the query running on this connection (on another thread) to stop; it fails with a DuckDbException.</summary>
    public void Interrupt() => NativeMethods.duckdb_interrupt(Handle);

    public void Dispose() => _handle.Dispose();

    internal static void ThrowOnError(int state, ResultHandle result)
    {
        if (state != NativeMethods.Success)
        {
            var message = NativeMethods.ReadUtf8(NativeMethods.duckdb_result_error(result));
            throw new DuckDbException(message ?? "The DuckDB statement failed.");
        }
    }
}
