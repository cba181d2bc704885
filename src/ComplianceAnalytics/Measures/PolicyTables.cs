using System.Globalization;
using ComplianceAnalytics.Policies;
using ComplianceAnalytics.Store;
using NodaTime;

namespace ComplianceAnalytics.Measures;

/// <summary>
/// The policies as temporary tables, so that the queries in <c>queries/</c> can read them:
/// policy_orgs (one row per organisation), policy_stages (each stage in policy order with its
/// limit and events), policy_targets (every version of each stage's target, read through
/// stage_target() in _judge.sql), policy_rules (ADR eligibility and customer windows), policy_limits (every
/// version of every limit with the local dates it is in force for) and working_days (each
/// organisation's local dates with how many working days the range holds up to each, for
/// "business days late"), and local_time() (<see cref="LocalTimeTable"/>). A limit's text in policy_stages and
/// policy_rules lists all its versions.
/// </summary>
internal static class PolicyTables
{
    /// <param name="store">The store whose connection gets the temporary tables.</param>
    /// <param name="policies">The policies to load.</param>
    /// <param name="days">The local dates working_days covers; none when null.</param>
    public static void Load(ComplianceStore store, PolicySet policies, DateInterval? days = null)
    {
        PolicyRows.Create(store);
        PolicyRows.AppendOrgs(store, policies.All.Select(policy => new PolicyOrgRow(
            policy.Org, policy.Name, policy.TimeZone.Id,
            string.Join(", ", policy.WorkingDays.Select(d => d.ToString()[..3].ToLowerInvariant())),
            policy.Holidays ?? "none", Path.GetFileName(policy.SourcePath), policy.Currency)));
        LocalTimeTable.Load(store, policies.All);
        PolicyRows.AppendStages(store, policies.All.SelectMany(policy => policy.Stages.Select((s, i) => new PolicyStageRow(
            policy.Org, s.Id, i + 1, s.Limit.ToString(), Join(s.Start), Join(s.Stop), Join(s.PauseOn), Join(s.ResumeOn), s.Extendable,
            s.DisplayName, InWords(s.Limit.ToString(), ReportTexts.For(policy.Language))))));
        PolicyRows.AppendLimits(store, policies.All.SelectMany(LimitVersions));
        PolicyRows.AppendTargets(store, policies.All.SelectMany(policy => policy.Stages.Where(s => s.Target is not null).SelectMany(s =>
        {
            var versions = s.Target!.Versions;
            return versions.Select((version, i) => new PolicyTargetRow(
                policy.Org, s.Id, i + 1, version.From, i + 1 < versions.Count ? versions[i + 1].From!.Value.PlusDays(-1) : null, (double)version.Target));
        })));
        PolicyRows.AppendRules(store, policies.All.SelectMany(Rules));
        if (days is null)
        {
            return;
        }

        PolicyRows.AppendWorkingDays(store, policies.All.SelectMany(policy => WorkingDays(policy, days)));
    }

    /// <summary>
    /// The working days up to and including each day: the working days in (a, b] are
    /// index(b) - index(a), an equality join where a range join would compare every pair.
    /// </summary>
    private static IEnumerable<WorkingDayRow> WorkingDays(Policy policy, DateInterval days)
    {
        var index = 0;
        foreach (var day in days)
        {
            index += policy.Calendar.IsWorkingDay(day) ? 1 : 0;
            yield return new WorkingDayRow(policy.Org, day, index);
        }
    }

    private static IEnumerable<PolicyRuleRow> Rules(Policy policy)
    {
        if (policy.Adr is { } adr)
        {
            yield return new PolicyRuleRow(
                policy.Org, "adr_eligibility", "adr", "complaint_received (first)", "response_issued, closed or deadlock_letter_issued", adr.EligibleAfter.ToString());
        }

        foreach (var window in policy.CustomerWindows)
        {
            yield return new PolicyRuleRow(policy.Org, "customer_window", window.Id, Join(window.From), Join(window.To), window.Limit.ToString());
        }
    }

    /// <summary>Every version of every limit of the policy: its stages', its ADR eligibility's and its customer windows'.</summary>
    private static IEnumerable<PolicyLimitRow> LimitVersions(Policy policy) =>
        policy.Stages.SelectMany(s => Versions(policy.Org, "stage", s.Id, s.Limit))
            .Concat(policy.Adr is { } adr ? Versions(policy.Org, "adr_eligibility", "adr", adr.EligibleAfter) : [])
            .Concat(policy.CustomerWindows.SelectMany(w => Versions(policy.Org, "customer_window", w.Id, w.Limit)));

    private static string Join(IReadOnlyList<string> events) => string.Join(", ", events);

    /// <summary>
    /// A limit as people write it in the firm's language: <c>30 business_days</c> is "30 business days"
    /// ("30 arbetsdagar"), <c>1 weeks</c> "1 week"; a unit is keyed <c>limit.&lt;unit&gt;</c> and
    /// <c>limit.&lt;unit&gt;.one</c> in the texts, and a dated version's " from " <c>limit.from</c>.
    /// </summary>
    internal static string InWords(string limit, ReportTexts? texts = null)
    {
        texts ??= ReportTexts.English;
        var words = System.Text.RegularExpressions.Regex.Replace(limit, @"\b(\d+) ([a-z_]+)", m =>
        {
            var one = m.Groups[1].Value == "1";
            var unit = m.Groups[2].Value.TrimEnd('s');
            var key = string.Create(CultureInfo.InvariantCulture, $"limit.{unit}s{(one ? ".one" : "")}");
            return m.Groups[1].Value + " " + texts.All.GetValueOrDefault(key, unit.Replace('_', ' ') + (one ? "" : "s"));
        });
        return words.Replace(" from ", texts["limit.from"], StringComparison.Ordinal);
    }

    /// <summary>One row per version: in force for clocks starting on from_date (null: the beginning) to until_date (null: open).</summary>
    private static IEnumerable<PolicyLimitRow> Versions(string org, string kind, string id, LimitSchedule schedule) =>
        schedule.Versions.Select((version, i) => new PolicyLimitRow(
            org, kind, id, i + 1, version.From, i + 1 < schedule.Versions.Count ? schedule.Versions[i + 1].From!.Value.PlusDays(-1) : null,
            version.Limit.ToString()));
}
