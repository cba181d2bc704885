namespace ComplianceAnalytics.DuckDb;

/// <summary>An explicit transaction on one connection; disposing it without <see cref="Commit"/> rolls back.</summary>
public sealed class DuckDbTransaction : IDisposable
{
    private readonly DuckDbConnection _connection;
    private bool _completed;

    internal DuckDbTransaction(DuckDbConnection connection) => _connection = connection;

    /// <summary>Makes the transaction's changes durable; it can be completed only once.</summary>
    public void Commit() => Complete("COMMIT");

    /// <summary>Discards the transaction's changes; it can be completed only once.</summary>
    public void Rollback() => Complete("ROLLBACK");

    private void Complete(string statement)
    {
        if (_completed)
        {
            throw new InvalidOperationException("The transaction has already been committed or rolled back.");
        }

        // Marked first: after a failed COMMIT DuckDB has already ended the transaction.
        _completed = true;
        _connection.Execute(statement);
    }

    /// <summary>Rolls back when neither Commit nor Rollback was called and the connection is still open.</summary>
    public void Dispose()
    {
        // A closed connection has already rolled back whatever was open.
        if (!_completed && _connection.IsOpen)
        {
            Rollback();
        }
    }
}
