namespace ComplianceAnalytics.Clocks;

/// <summary>
/// Data-quality counts gathered while evaluating stages, per organisation and stage: stop events with no
/// open instance and extensions notified after the breach (contract §4). One accumulator may be shared
/// across cases and organisations.
/// </summary>
public sealed class StageEvaluationDiagnostics
{
    private readonly Dictionary<(string Org, string Stage), int> _orphanStops = new();
    private readonly Dictionary<(string Org, string Stage), int> _lateExtensions = new();

    /// <summary>Stop events that found no open instance of the stage, counted by organisation and stage id.</summary>
    internal IReadOnlyDictionary<(string Org, string Stage), int> OrphanStops => _orphanStops;

    /// <summary>Extensions notified after the open instance's due time (ignored by the clock), by organisation and stage id.</summary>
    internal IReadOnlyDictionary<(string Org, string Stage), int> LateExtensions => _lateExtensions;

    /// <summary>Counts one stop event of <paramref name="stage"/> that found no open instance.</summary>
    internal void AddOrphanStop(string org, string stage) => Increment(_orphanStops, org, stage);

    /// <summary>Counts one extension of <paramref name="stage"/> notified after its due time.</summary>
    internal void AddLateExtension(string org, string stage) => Increment(_lateExtensions, org, stage);

    private static void Increment(Dictionary<(string Org, string Stage), int> counts, string org, string stage)
    {
        ArgumentNullException.ThrowIfNull(org);
        ArgumentNullException.ThrowIfNull(stage);
        counts[(org, stage)] = counts.GetValueOrDefault((org, stage)) + 1;
    }
}
