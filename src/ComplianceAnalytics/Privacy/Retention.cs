using ComplianceAnalytics.Store;
using NodaTime;

namespace ComplianceAnalytics.Privacy;

/// <summary>
/// Deletes the cases whose last event is older than the retention period from every table that
/// holds them (events, rejected and duplicate rows, stage instances), records each in purge_log,
/// and checkpoints the store so the write-ahead log no longer holds them (DuckDB does not overwrite
/// the blocks it frees: see docs/data-protection.md). Rejected and duplicate rows of
/// no stored case (no case reference, or a case none of whose rows loaded) go when their file was
/// ingested before the cut-off: otherwise they would be kept for ever. The statements are the
/// Store's (<see cref="Store.Purge"/>); this decides the cut-off and checkpoints.
/// </summary>
public sealed class Retention
{
    private readonly ComplianceStore _store;
    private readonly IClock _clock;
    private readonly int _years;

    /// <summary>Retention over <paramref name="store"/>, keeping cases whose last event is within <paramref name="retentionYears"/> (positive) whole years of <paramref name="clock"/>'s now.</summary>
    public Retention(ComplianceStore store, IClock clock, int retentionYears)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(retentionYears);
        _store = store;
        _clock = clock;
        _years = retentionYears;
    }

    /// <summary>The cut-off: now less the retention period, in whole calendar years (UTC).</summary>
    public Instant Cutoff
    {
        get
        {
            var now = _clock.GetCurrentInstant().InUtc();
            return now.LocalDateTime.PlusYears(-_years).InUtc().ToInstant();
        }
    }

    /// <summary>What a purge would remove now; nothing is changed.</summary>
    public PurgeResult Preview() => Store.Purge.Preview(_store, Cutoff);

    /// <summary>Purges the expired cases in one transaction and returns what went.</summary>
    public PurgeResult Purge()
    {
        var result = Store.Purge.Run(_store, Cutoff, _clock.GetCurrentInstant());
        _store.Checkpoint();
        return result;
    }
}
