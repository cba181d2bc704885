namespace ComplianceAnalytics.DuckDb;

/// <summary>An explicit transaction on one connection; disposing it without <see cref="Commit"/> rolls back.</summary>
public sealed class DuckDbTransaction : IDisposable
{
    private readonly DuckDbConnection _connection;
    private bool _completed;

    internal DuckDbTransaction(DuckDbConnection connection) => _connection = connection;

    public void Commit() => Complete("COMMIT");

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

    public void Dispose()
    {
        // A closed connection has already rolled back whatever was open.
        if (!_completed && _connection.IsOpen)
        {
            Rollback();
        }
    }
}
