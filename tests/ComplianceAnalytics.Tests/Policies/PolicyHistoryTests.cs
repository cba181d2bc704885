using ComplianceAnalytics.Hosting;
using ComplianceAnalytics.Policies;
using ComplianceAnalytics.Store;
using ComplianceAnalytics.Tests.Hosting;
using NodaTime;

namespace ComplianceAnalytics.Tests.Policies;

/// <summary>Every version of every policy file the store has seen, and which keys changed.</summary>
public sealed class PolicyHistoryTests : IDisposable
{
    private const string Acme = """
        # Acme's procedure
        org: acme
        name: Acme
        time_zone: Europe/London
        stages:
          - id: ack
            start: [complaint_received]
            stop: [acknowledged]
            limit: 2 business_days
        adr:
          eligible_after: 8 weeks
        """;

    private readonly TempPolicies _policies = new TempPolicies().With("acme.yaml", Acme);
    private readonly ComplianceStore _store = ComplianceStore.Open(":memory:");

    public void Dispose()
    {
        _store.Dispose();
        _policies.Dispose();
    }

    private IReadOnlyList<PolicyChange> Record(string text, int day)
    {
        _policies.With("acme.yaml", text);
        return PolicyHistory.Record(_store, PolicyLoader.LoadOrThrow(_policies.Folder), Instant.FromUtc(2026, 4, day, 6, 30));
    }

    private List<string> Versions()
    {
        var rows = new List<string>();
        using var reader = _store.Connection.Query(
            "SELECT strftime(first_seen, '%d') || '-' || strftime(last_seen, '%d') || ' ' || coalesce(changed_keys, '(first)') FROM policy_versions ORDER BY first_seen");
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    [Fact]
    public void A_version_is_kept_until_the_content_changes_and_each_change_names_its_keys()
    {
        Assert.Empty(Record(Acme, 1));
        Assert.Empty(Record(Acme, 2));
        var dated = Acme.Replace("  eligible_after: 8 weeks", "  eligible_after:\n    - limit: 8 weeks\n    - from: 2026-04-08\n      limit: 6 weeks", StringComparison.Ordinal);
        var adrChange = Record(dated, 3);
        var commentOnly = Record(dated.Replace("# Acme's procedure", "# Acme's procedure, as published", StringComparison.Ordinal), 4);
        var stageAdded = Record(dated.Replace("adr:", "  - id: review\n    start: [escalation_requested]\n    stop: [escalation_response_issued]\n    limit: 10 business_days\nadr:", StringComparison.Ordinal)
            .Replace("2 business_days", "1 business_day", StringComparison.Ordinal), 5);

        Assert.Equal("acme.yaml changed: adr.eligible_after", Assert.Single(adrChange).ToString());
        Assert.Equal("acme.yaml changed: no rule (comments or layout)", Assert.Single(commentOnly).ToString());
        Assert.Equal(["stages.ack.limit", "stages.review"], Assert.Single(stageAdded).ChangedKeys);
        Assert.Equal(["01-02 (first)", "03-03 adr.eligible_after", "04-04 ", "05-05 stages.ack.limit, stages.review"], Versions());
    }

    [Fact]
    public async Task The_packs_job_republishes_after_a_policy_change_and_the_run_log_says_why()
    {
        using var policies = new TempPolicies();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Policies, "*", SearchOption.AllDirectories))
        {
            policies.With(Path.GetRelativePath(RepositoryPaths.Policies, file), File.ReadAllText(file));
        }

        using var fixture = new HostingFixture(settings: new Dictionary<string, string?> { ["Compliance:PoliciesFolder"] = policies.Folder });
        fixture.Drop("jpdit-nov.csv", new LocalDate(2026, 11, 2), cases: 2);
        await fixture.IngestAsync();
        var first = await fixture.PacksAsync();

        var jpdit = Path.Combine(policies.Folder, "jpdit.yaml");
        File.WriteAllText(jpdit, File.ReadAllText(jpdit).Replace("limit: 2 business_days", "limit: 3 business_days", StringComparison.Ordinal));
        var republished = await fixture.PacksAsync();

        Assert.Equal(RunOutcomes.Succeeded, republished.Outcome);
        Assert.DoesNotContain("changed", first.Detail, StringComparison.Ordinal);
        Assert.StartsWith("jpdit.yaml changed: stages.acknowledgement.limit, stages.escalation_acknowledgement.limit; ", republished.Detail, StringComparison.Ordinal);
        Assert.Contains("2026-11 (republished)", republished.Detail, StringComparison.Ordinal);
        // The republished month was measured with the edited policy.
        Assert.Equal(3, fixture.Workspace.Policies.Find("jpdit")!.Stages[0].Limit.Versions[0].Limit.Amount);
    }

    [Fact]
    public async Task A_dated_version_republishes_only_the_months_from_its_date_and_the_run_log_says_why()
    {
        using var policies = new TempPolicies();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Policies, "*", SearchOption.AllDirectories))
        {
            policies.With(Path.GetRelativePath(RepositoryPaths.Policies, file), File.ReadAllText(file));
        }

        using var fixture = new HostingFixture(settings: new Dictionary<string, string?> { ["Compliance:PoliciesFolder"] = policies.Folder });
        fixture.Drop("jpdit-oct.csv", new LocalDate(2026, 10, 5), cases: 2, prefix: "O");
        fixture.Drop("jpdit-nov.csv", new LocalDate(2026, 11, 2), cases: 2, prefix: "N");
        await fixture.IngestAsync();
        await fixture.PacksAsync();

        var jpdit = Path.Combine(policies.Folder, "jpdit.yaml");
        File.WriteAllText(jpdit, File.ReadAllText(jpdit).Replace(
            "    limit: 2 business_days", "    limit:\n      - limit: 2 business_days\n      - from: 2026-11-10\n        limit: 1 business_day", StringComparison.Ordinal));
        var republished = await fixture.PacksAsync();
        var again = await fixture.PacksAsync();

        Assert.Equal(RunOutcomes.Succeeded, republished.Outcome);
        // October's clocks all started before 10 November: only November is republished.
        Assert.StartsWith(
            "jpdit.yaml changed: stages.acknowledgement.limit, stages.escalation_acknowledgement.limit; months 2026-10..2026-11: 1 published: 2026-11 (republished)",
            republished.Detail,
            StringComparison.Ordinal);
        Assert.Contains("0 published (all up to date)", again.Detail, StringComparison.Ordinal);
        Assert.Equal(
            "2 business_days; 1 business_days from 2026-11-10",
            fixture.Workspace.Store.Connection.Scalar<string>("SELECT json_extract_string(policy_rules, '$.\"jpdit.yaml\".\"stages.acknowledgement.limit\"') FROM published_packs WHERE month = '2026-11'"));
    }

    [Fact]
    public async Task The_ingest_job_records_the_policy_versions_it_evaluated_with()
    {
        using var fixture = new HostingFixture();
        fixture.Drop("jpdit-nov.csv", new LocalDate(2026, 11, 2), cases: 2);
        await fixture.IngestAsync();

        Assert.Equal(
            fixture.Workspace.Policies.All.Count,
            fixture.Scalar("SELECT count(*) FROM policy_versions WHERE first_seen = $1", StoreTime.Timestamp(fixture.Clock.Now)));
    }
}
