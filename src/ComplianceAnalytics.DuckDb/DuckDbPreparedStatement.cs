using DuckDB.NET.Data;

namespace ComplianceAnalytics.DuckDb;

/// <summary>A statement with parameters numbered from 1 (<c>?</c> or <c>$1</c> in the SQL), bound and run repeatedly.</summary>
public sealed class DuckDbPreparedStatement : IDisposable
{
    private readonly DuckDBCommand _command;

    internal DuckDbPreparedStatement(DuckDBCommand command) => _command = command;

    /// <summary>Binds a value of a type <see cref="DuckDbConnection.Query"/> accepts to parameter <paramref name="index1Based"/>.</summary>
    public void Bind(int index1Based, object? value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(index1Based, 1);
        var converted = DuckDbParameters.ToProviderValue(index1Based, value);
        while (_command.Parameters.Count < index1Based)
        {
            _command.Parameters.Add(new DuckDBParameter(DBNull.Value));
        }

        _command.Parameters[index1Based - 1].Value = converted ?? DBNull.Value;
    }

    /// <summary>Binds the values to parameters 1..n.</summary>
    public void BindAll(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        for (var i = 0; i < values.Length; i++)
        {
            Bind(i + 1, values[i]);
        }
    }

    /// <summary>Executes the statement and returns the rows it changed.</summary>
    public long ExecuteNonQuery() => DuckDbException.Translate(_command.ExecuteNonQuery);

    /// <summary>Executes the statement; the reader stays valid after this statement is disposed.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "The text is this statement's own, already given to a command; values are bound.")]
    public DuckDbReader ExecuteReader()
    {
        // The reader owns a copy of the command, so that rebinding this statement cannot change it.
        var command = (DuckDBCommand)_command.Connection!.CreateCommand();
        command.CommandText = _command.CommandText;
        command.UseStreamingMode = true;
        foreach (DuckDBParameter parameter in _command.Parameters)
        {
            command.Parameters.Add(new DuckDBParameter(parameter.Value ?? DBNull.Value));
        }

        return DuckDbReader.Execute(command);
    }

    /// <inheritdoc />
    public void Dispose() => _command.Dispose();
}
