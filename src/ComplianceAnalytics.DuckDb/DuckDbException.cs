using DuckDB.NET.Data;

namespace ComplianceAnalytics.DuckDb;

/// <summary>An error reported by DuckDB; <see cref="Exception.Message"/> is DuckDB's own text.</summary>
public sealed class DuckDbException : Exception
{
    /// <summary>An error without a message, for serialisers and the usual exception pattern.</summary>
    public DuckDbException()
    {
    }

    /// <summary>An error with DuckDB's message, or one this façade raises in DuckDB's stead.</summary>
    public DuckDbException(string message) : base(message)
    {
    }

    /// <summary>An error with DuckDB's message and the provider's exception that carried it.</summary>
    public DuckDbException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>
    /// Runs <paramref name="action"/>, turning the provider's exception into this one. An interrupted query
    /// (the provider raises OperationCanceledException) fails like any DuckDB error, as DuckDB reports it.
    /// </summary>
    internal static void Translate(Action action) => Translate(() =>
    {
        action();
        return true;
    });

    /// <inheritdoc cref="Translate(Action)"/>
    internal static T Translate<T>(Func<T> function)
    {
        try
        {
            return function();
        }
        catch (DuckDBException ex)
        {
            throw new DuckDbException(ex.Message, ex);
        }
        catch (OperationCanceledException ex)
        {
            throw new DuckDbException("INTERRUPT Error: Interrupted!", ex);
        }
    }
}
