using ComplianceAnalytics.DuckDb.Native;

namespace ComplianceAnalytics.DuckDb;

/// <summary>A prepared statement; parameters are numbered from 1 (<c>?</c> or <c>$1</c> in the SQL).</summary>
public sealed class DuckDbPreparedStatement : IDisposable
{
    private readonly PreparedStatementHandle _handle;

    internal DuckDbPreparedStatement(PreparedStatementHandle handle) => _handle = handle;

    private PreparedStatementHandle Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            return _handle;
        }
    }

    /// <summary>
    /// Binds null, string, long, int, double, decimal (exact, as DECIMAL(38, scale)), bool, DateOnly (DATE),
    /// DateTime of kind Utc (TIMESTAMP), DateTimeOffset or DuckDbTimestamp (TIMESTAMPTZ), byte[] (BLOB) or
    /// string?[] (VARCHAR[]).
    /// </summary>
    public void Bind(int index1Based, object? value) => ParameterBinder.Bind(Handle, index1Based, value);

    /// <summary>How many parameters the statement takes.</summary>
    public int ParameterCount => checked((int)NativeMethods.duckdb_nparams(Handle));

    /// <summary>Binds the values to parameters 1..n.</summary>
    public void BindAll(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        for (var i = 0; i < values.Length; i++)
        {
            Bind(i + 1, values[i]);
        }
    }

    public void ClearBindings()
    {
        if (NativeMethods.duckdb_clear_bindings(Handle) != NativeMethods.Success)
        {
            throw new DuckDbException("Could not clear the statement's bindings.");
        }
    }

    /// <summary>Executes the statement and returns the rows it changed.</summary>
    public long ExecuteNonQuery()
    {
        using var reader = ExecuteReader();
        return reader.RowsChanged;
    }

    public DuckDbReader ExecuteReader()
    {
        var result = new ResultHandle();
        try
        {
            var state = NativeMethods.duckdb_execute_prepared(Handle, result);
            DuckDbConnection.ThrowOnError(state, result);
            return new DuckDbReader(result);
        }
        catch
        {
            result.Dispose();
            throw;
        }
    }

    public void Dispose() => _handle.Dispose();
}
