using ComplianceAnalytics.Policies;
using ComplianceAnalytics.Store;

namespace ComplianceAnalytics.Measures;

/// <summary>The temporary table policy_stages: each organisation's stages in policy order, with their limits.</summary>
internal static class PolicyStagesTable
{
    public static void Load(ComplianceStore store, PolicySet policies)
    {
        var db = store.Connection;
        db.Execute("CREATE OR REPLACE TEMP TABLE policy_stages (org VARCHAR, stage VARCHAR, position INTEGER, stage_limit VARCHAR)");
        using var stages = db.CreateAppender("policy_stages");
        foreach (var policy in policies.All)
        {
            for (var i = 0; i < policy.Stages.Count; i++)
            {
                stages.Append(policy.Org).Append(policy.Stages[i].Id).Append(i + 1).Append(policy.Stages[i].Limit.ToString()).EndRow();
            }
        }
    }
}
