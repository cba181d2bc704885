using DuckDB.NET.Data;

namespace ComplianceAnalytics.DuckDb;

/// <summary>
/// A connection to a <see cref="DuckDbDatabase"/>. Not thread-safe, except for <see cref="Interrupt"/>.
/// Values always travel as bound parameters, never inside the SQL text.
/// </summary>
public sealed class DuckDbConnection : IDisposable
{
    private readonly DuckDBConnection _connection;
    private bool _disposed;

    internal DuckDbConnection(DuckDBConnection connection) => _connection = connection;

    internal bool IsOpen => !_disposed;

    /// <summary>
    /// Runs a statement and returns the rows it changed. Without parameters the text may hold several
    /// statements separated by ';' (the count is then the sum over them).
    /// </summary>
    public long Execute(string sql, params object?[] parameters)
    {
        using var command = CreateCommand(sql, parameters);
        return DuckDbException.Translate(command.ExecuteNonQuery);
    }

    /// <summary>Runs a query, its values bound as positional parameters (<c>?</c> or <c>$1</c>).</summary>
    /// <remarks>
    /// A lone <c>string[]</c> argument is taken by C# as the whole parameter list; pass <c>(object)array</c>
    /// to bind it as one VARCHAR[] parameter.
    /// </remarks>
    public DuckDbReader Query(string sql, params object?[] parameters) => DuckDbReader.Execute(CreateCommand(sql, parameters));

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

    /// <summary>A statement to bind and run repeatedly; DuckDB.NET prepares it when it runs.</summary>
    public DuckDbPreparedStatement Prepare(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        return new DuckDbPreparedStatement(CreateCommand(sql, []));
    }

    /// <summary>An appender for bulk inserts into <paramref name="table"/>, column by column, row by row.</summary>
    /// <param name="table">The table's name, unquoted.</param>
    /// <param name="schema">The table's schema; <c>main</c> when null and a catalog is given, else the default schema.</param>
    /// <param name="catalog">The attached database that holds the table; the default database when null.</param>
    public DuckDbAppender CreateAppender(string table, string? schema = null, string? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ObjectDisposedException.ThrowIf(_disposed, this);
        // DuckDB.NET's appender writes each value as its own CLR type: the façade converts to the
        // column's type, which it reads first (an unknown table fails here with DuckDB's message).
        schema ??= catalog is null ? null : "main";
        var name = string.Join('.', new[] { catalog, schema, table }.Where(part => part is not null)
            .Select(part => "\"" + part!.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
        DuckDbType[] types;
        using (var reader = Query($"SELECT * FROM {name} LIMIT 0"))
        {
            types = [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetColumnType)];
        }

        // A DECIMAL's scale is only in its type's text, e.g. DECIMAL(18,2).
        var scales = new List<int>();
        using (var reader = Query($"SELECT column_type FROM (DESCRIBE {name})"))
        {
            while (reader.Read())
            {
                var type = reader.GetString(0);
                scales.Add(type.StartsWith("DECIMAL(", StringComparison.Ordinal)
                    ? int.Parse(type[(type.IndexOf(',', StringComparison.Ordinal) + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)
                    : 0);
            }
        }

        var appender = DuckDbException.Translate(() => _connection.CreateAppender(catalog, schema, table));
        return new DuckDbAppender(appender, types, [.. scales]);
    }

    /// <summary>Starts an explicit transaction; dispose it to roll back whatever was not committed.</summary>
    public DuckDbTransaction BeginTransaction()
    {
        Execute("BEGIN TRANSACTION");
        return new DuckDbTransaction(this);
    }

    /// <summary>Asks the query running on this connection (on another thread) to stop; it fails with a DuckDbException.</summary>
    public void Interrupt()
    {
        using var command = _connection.CreateCommand();
        command.Cancel();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        _connection.Dispose();
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Every statement text is a constant, an embedded .sql file (Store/, queries/), or composed from constants, table names made of constants and numbers (Store.WorkTables), and column lists from the code's own column names; values always travel as bound parameters, never in the text.")]
    private DuckDBCommand CreateCommand(string sql, object?[] parameters)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        // Results stream chunk by chunk instead of being materialised whole.
        command.UseStreamingMode = true;
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters.Add(new DuckDBParameter(DuckDbParameters.ToProviderValue(i + 1, parameters[i]) ?? DBNull.Value));
        }

        return command;
    }
}
