namespace ComplianceAnalytics.Clocks;

/// <summary>
/// Data-quality counts gathered while evaluating stages, per stage id: stop events with no open instance
/// and extensions notified after the breach (contract §4). One accumulator may be shared across cases.
/// </summary>
public sealed class StageEvaluationDiagnostics
{
    private readonly Dictionary<string, int> _orphanStops = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _lateExtensions = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> OrphanStops => _orphanStops;

    public IReadOnlyDictionary<string, int> LateExtensions => _lateExtensions;

    public void AddOrphanStop(string stage) => Increment(_orphanStops, stage);

    public void AddLateExtension(string stage) => Increment(_lateExtensions, stage);

    private static void Increment(Dictionary<string, int> counts, string stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        counts[stage] = counts.GetValueOrDefault(stage) + 1;
    }
}
