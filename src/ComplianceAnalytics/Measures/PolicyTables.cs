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
        var db = store.Connection;
        db.Execute("""
            CREATE OR REPLACE TEMP TABLE policy_orgs (org VARCHAR, org_name VARCHAR, time_zone VARCHAR, working_days VARCHAR, holidays VARCHAR, source_file VARCHAR,
                currency VARCHAR);
            CREATE OR REPLACE TEMP TABLE policy_stages (org VARCHAR, stage VARCHAR, position INTEGER, stage_limit VARCHAR,
                start_events VARCHAR, stop_events VARCHAR, pause_on VARCHAR, resume_on VARCHAR, extendable BOOLEAN,
                stage_name VARCHAR, limit_words VARCHAR);
            CREATE OR REPLACE TEMP TABLE policy_targets (org VARCHAR, stage VARCHAR, version INTEGER, from_date DATE, until_date DATE, target DOUBLE);
            CREATE OR REPLACE TEMP TABLE policy_rules (org VARCHAR, kind VARCHAR, rule_id VARCHAR, from_events VARCHAR, to_events VARCHAR, rule_limit VARCHAR);
            CREATE OR REPLACE TEMP TABLE policy_limits (org VARCHAR, kind VARCHAR, rule_id VARCHAR, version INTEGER,
                from_date DATE, until_date DATE, version_limit VARCHAR);
            CREATE OR REPLACE TEMP TABLE working_days (org VARCHAR, day DATE, working_index INTEGER);
            """);
        using (var orgs = db.CreateAppender("policy_orgs"))
        {
            foreach (var policy in policies.All)
            {
                orgs.Append(policy.Org).Append(policy.Name).Append(policy.TimeZone.Id)
                    .Append(string.Join(", ", policy.WorkingDays.Select(d => d.ToString()[..3].ToLowerInvariant())))
                    .Append(policy.Holidays ?? "none").Append(Path.GetFileName(policy.SourcePath)).Append(policy.Currency).EndRow();
            }
        }

        LocalTimeTable.Load(db, policies.All);
        using (var stages = db.CreateAppender("policy_stages"))
        {
            foreach (var policy in policies.All)
            {
                for (var i = 0; i < policy.Stages.Count; i++)
                {
                    var s = policy.Stages[i];
                    stages.Append(policy.Org).Append(s.Id).Append(i + 1).Append(s.Limit.ToString())
                        .Append(Join(s.Start)).Append(Join(s.Stop)).Append(Join(s.PauseOn)).Append(Join(s.ResumeOn)).Append(s.Extendable)
                        .Append(s.DisplayName).Append(InWords(s.Limit.ToString(), ReportTexts.For(policy.Language))).EndRow();
                }
            }
        }

        using (var limits = db.CreateAppender("policy_limits"))
        {
            foreach (var policy in policies.All)
            {
                foreach (var s in policy.Stages)
                {
                    AppendVersions(limits, policy.Org, "stage", s.Id, s.Limit);
                }

                if (policy.Adr is { } adr)
                {
                    AppendVersions(limits, policy.Org, "adr_eligibility", "adr", adr.EligibleAfter);
                }

                foreach (var window in policy.CustomerWindows)
                {
                    AppendVersions(limits, policy.Org, "customer_window", window.Id, window.Limit);
                }
            }
        }

        using (var targets = db.CreateAppender("policy_targets"))
        {
            foreach (var policy in policies.All)
            {
                foreach (var s in policy.Stages.Where(s => s.Target is not null))
                {
                    var versions = s.Target!.Versions;
                    for (var i = 0; i < versions.Count; i++)
                    {
                        targets.Append(policy.Org).Append(s.Id).Append(i + 1);
                        AppendDate(targets, versions[i].From);
                        AppendDate(targets, i + 1 < versions.Count ? versions[i + 1].From!.Value.PlusDays(-1) : null);
                        targets.Append((double)versions[i].Target).EndRow();
                    }
                }
            }
        }

        using (var rules = db.CreateAppender("policy_rules"))
        {
            foreach (var policy in policies.All)
            {
                if (policy.Adr is { } adr)
                {
                    rules.Append(policy.Org).Append("adr_eligibility").Append("adr").Append("complaint_received (first)")
                        .Append("response_issued, closed or deadlock_letter_issued").Append(adr.EligibleAfter.ToString()).EndRow();
                }

                foreach (var window in policy.CustomerWindows)
                {
                    rules.Append(policy.Org).Append("customer_window").Append(window.Id).Append(Join(window.From))
                        .Append(Join(window.To)).Append(window.Limit.ToString()).EndRow();
                }
            }
        }

        if (days is null)
        {
            return;
        }

        using var working = db.CreateAppender("working_days");
        foreach (var policy in policies.All)
        {
            // The working days up to and including each day: the working days in (a, b] are
            // index(b) - index(a), an equality join where a range join would compare every pair.
            var index = 0;
            foreach (var day in days)
            {
                index += policy.Calendar.IsWorkingDay(day) ? 1 : 0;
                working.Append(policy.Org).AppendDate(day.ToDateOnly()).Append(index).EndRow();
            }
        }
    }

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
    private static void AppendVersions(DuckDb.DuckDbAppender limits, string org, string kind, string id, LimitSchedule schedule)
    {
        for (var i = 0; i < schedule.Versions.Count; i++)
        {
            var version = schedule.Versions[i];
            limits.Append(org).Append(kind).Append(id).Append(i + 1);
            AppendDate(limits, version.From);
            AppendDate(limits, i + 1 < schedule.Versions.Count ? schedule.Versions[i + 1].From!.Value.PlusDays(-1) : null);
            limits.Append(version.Limit.ToString()).EndRow();
        }
    }

    private static void AppendDate(DuckDb.DuckDbAppender appender, LocalDate? date)
    {
        if (date is { } d)
        {
            appender.AppendDate(d.ToDateOnly());
        }
        else
        {
            appender.AppendNull();
        }
    }
}
