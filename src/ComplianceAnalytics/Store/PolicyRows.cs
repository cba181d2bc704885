using NodaTime;

namespace ComplianceAnalytics.Store;

/// <summary>One organisation's policy (policy_orgs).</summary>
public sealed record PolicyOrgRow(string Org, string Name, string TimeZone, string WorkingDays, string Holidays, string SourceFile, string? Currency);

/// <summary>One stage in policy order with its limit and events (policy_stages).</summary>
public sealed record PolicyStageRow(
    string Org, string Stage, int Position, string Limit, string StartEvents, string StopEvents, string PauseOn, string ResumeOn, bool Extendable,
    string? StageName, string LimitWords);

/// <summary>One version of a limit, in force for clocks starting from <paramref name="From"/> to <paramref name="Until"/> (null: open) (policy_limits).</summary>
public sealed record PolicyLimitRow(string Org, string Kind, string RuleId, int Version, LocalDate? From, LocalDate? Until, string Limit);

/// <summary>One version of a stage's target (policy_targets).</summary>
public sealed record PolicyTargetRow(string Org, string Stage, int Version, LocalDate? From, LocalDate? Until, double Target);

/// <summary>An ADR eligibility rule or a customer window (policy_rules).</summary>
public sealed record PolicyRuleRow(string Org, string Kind, string RuleId, string FromEvents, string ToEvents, string Limit);

/// <summary>One local date of an organisation with the working days up to and including it (working_days).</summary>
public sealed record WorkingDayRow(string Org, LocalDate Day, int WorkingIndex);

/// <summary>
/// The policies as temporary tables for the measures' queries (policy_orgs, policy_stages, policy_targets,
/// policy_rules, policy_limits, working_days): created empty by <see cref="Create"/>, then filled table by table.
/// </summary>
public static class PolicyRows
{
    /// <summary>Creates the policy tables, empty.</summary>
    public static void Create(ComplianceStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.Connection.Execute(StoreSql.Get("PolicyRows.Create"));
    }

    /// <summary>Appends to policy_orgs.</summary>
    public static void AppendOrgs(ComplianceStore store, IEnumerable<PolicyOrgRow> rows) =>
        TempRows.Append(store, "policy_orgs", rows, (a, r) => a
            .Append(r.Org).Append(r.Name).Append(r.TimeZone).Append(r.WorkingDays).Append(r.Holidays).Append(r.SourceFile).Append(r.Currency));

    /// <summary>Appends to policy_stages.</summary>
    public static void AppendStages(ComplianceStore store, IEnumerable<PolicyStageRow> rows) =>
        TempRows.Append(store, "policy_stages", rows, (a, r) => a
            .Append(r.Org).Append(r.Stage).Append(r.Position).Append(r.Limit)
            .Append(r.StartEvents).Append(r.StopEvents).Append(r.PauseOn).Append(r.ResumeOn).Append(r.Extendable)
            .Append(r.StageName).Append(r.LimitWords));

    /// <summary>Appends to policy_limits.</summary>
    public static void AppendLimits(ComplianceStore store, IEnumerable<PolicyLimitRow> rows) =>
        TempRows.Append(store, "policy_limits", rows, (a, r) => a
            .Append(r.Org).Append(r.Kind).Append(r.RuleId).Append(r.Version).AppendDate(r.From).AppendDate(r.Until).Append(r.Limit));

    /// <summary>Appends to policy_targets.</summary>
    public static void AppendTargets(ComplianceStore store, IEnumerable<PolicyTargetRow> rows) =>
        TempRows.Append(store, "policy_targets", rows, (a, r) => a
            .Append(r.Org).Append(r.Stage).Append(r.Version).AppendDate(r.From).AppendDate(r.Until).Append(r.Target));

    /// <summary>Appends to policy_rules.</summary>
    public static void AppendRules(ComplianceStore store, IEnumerable<PolicyRuleRow> rows) =>
        TempRows.Append(store, "policy_rules", rows, (a, r) => a
            .Append(r.Org).Append(r.Kind).Append(r.RuleId).Append(r.FromEvents).Append(r.ToEvents).Append(r.Limit));

    /// <summary>Appends to working_days.</summary>
    public static void AppendWorkingDays(ComplianceStore store, IEnumerable<WorkingDayRow> rows) =>
        TempRows.Append(store, "working_days", rows, (a, r) => a.Append(r.Org).AppendDate(r.Day).Append(r.WorkingIndex));
}
