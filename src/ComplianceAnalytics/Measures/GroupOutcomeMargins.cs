using ComplianceAnalytics.Store;

namespace ComplianceAnalytics.Measures;

/// <summary>
/// When the director pack's Outcomes by group flags a group as worse than the rest: the gap must be
/// over the measure's margin and both sides must have at least <paramref name="MinClosedCases"/>
/// closed cases (setting <c>Compliance:GroupOutcomes</c>, docs/packs.md).
/// </summary>
/// <param name="MinClosedCases">The fewest closed cases each side of a comparison must have for a group to be flagged.</param>
/// <param name="UpholdRate">Points of uphold rate, as a fraction (0.10 = 10 points).</param>
/// <param name="MedianDaysToClose">Days of median time to close.</param>
/// <param name="WithinEightWeeks">Points of the share closed within 8 weeks, as a fraction.</param>
public sealed record GroupOutcomeMargins(int MinClosedCases = 20, double UpholdRate = 0.10, double MedianDaysToClose = 7, double WithinEightWeeks = 0.10)
{
    /// <summary>The margins used when Compliance:GroupOutcomes is not set: 20 closed cases, 10 points, 7 days, 10 points.</summary>
    public static readonly GroupOutcomeMargins Default = new();

    /// <summary>The margins as the temporary table <c>outcome_margins</c> (measure, margin, min_closed) the query reads.</summary>
    internal void Load(ComplianceStore store) =>
        ReportTables.LoadMargins(
            store,
            [
                new("uphold rate", UpholdRate, MinClosedCases),
                new("median days to close", MedianDaysToClose, MinClosedCases),
                new("closed within 8 weeks", WithinEightWeeks, MinClosedCases),
            ]);
}
