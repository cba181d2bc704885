using ComplianceAnalytics.DuckDb;

namespace ComplianceAnalytics.Store;

/// <summary>
/// One refresh of the stored evaluation as a single transaction on the store's connection: the invalidations, the
/// appended results, the fingerprints and the evaluated files become visible together on <see cref="Commit"/>, and
/// disposing it without a commit leaves the stored evaluation as it was.
/// </summary>
public sealed class EvaluationRefresh : IDisposable
{
    private readonly DuckDbTransaction _transaction;

    internal EvaluationRefresh(DuckDbConnection db) => _transaction = db.BeginTransaction();

    /// <summary>Makes the refresh durable.</summary>
    public void Commit() => _transaction.Commit();

    /// <summary>Rolls the refresh back unless it was committed.</summary>
    public void Dispose() => _transaction.Dispose();
}
