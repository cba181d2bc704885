using NodaTime;

namespace ComplianceAnalytics.SampleData;

/// <summary>
/// What the sample actions in <c>sample-data/actions/</c> did to the sample firms' handling, so that
/// the director pack's Actions sheet has a fix that worked and one that backfired to measure (the
/// other sample actions changed nothing, and one is too recent to judge). A stage started on or
/// after an effect's date breaches at the effect's rate instead of the usual one.
/// </summary>
internal static class SampleActionEffects
{
    private sealed record Effect(string Org, SimStage Stage, string? Team, LocalDate From, double BreachRate);

    private static readonly Effect[] Effects =
    [
        // jpdit-infrastructure-second-engineer.yaml: the infrastructure queue's investigations stop running late.
        new("jpdit", SimStage.Response, "Infrastructure", new LocalDate(2025, 12, 8), 0.03),

        // jpdit-acknowledgement-letters-crm.yaml: acknowledgement letters moved to a new CRM, which sends them late.
        new("jpdit", SimStage.Acknowledgement, null, new LocalDate(2026, 2, 2), 0.30),
    ];

    /// <summary>The breach rate of a stage of <paramref name="team"/>'s case at <paramref name="org"/> started on <paramref name="started"/>.</summary>
    public static double Rate(string org, SimStage stage, string team, LocalDate started, double usual)
    {
        foreach (var e in Effects)
        {
            if (e.Org == org && e.Stage == stage && (e.Team is null || e.Team == team) && started >= e.From)
            {
                return e.BreachRate;
            }
        }

        return usual;
    }
}
