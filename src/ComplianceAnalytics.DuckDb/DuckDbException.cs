namespace ComplianceAnalytics.DuckDb;

/// <summary>An error reported by DuckDB; <see cref="Exception.Message"/> is DuckDB's own text.</summary>
public sealed class DuckDbException : Exception
{
    public DuckDbException()
    {
    }

    public DuckDbException(string message) : base(message)
    {
    }

    public DuckDbException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
