using ComplianceAnalytics.Hosting;
using ComplianceAnalytics.Policies;
using ComplianceAnalytics.Tests.Policies;
using NodaTime;

namespace ComplianceAnalytics.Tests.Hosting;

/// <summary>Which months a policy change affects (docs/policies.md, "Which months a change republishes").</summary>
public sealed class PublishedRulesTests : IDisposable
{
    private const string Halo = """
        org: halo
        name: Halo
        time_zone: Europe/London
        holidays: england-and-wales
        stages:
          - id: ack
            start: [complaint_received]
            stop: [acknowledged]
            limit: 2 business_days
        adr:
          eligible_after: 8 weeks
        """;

    private const string Dated = "  eligible_after:\n    - limit: 8 weeks\n    - from: 2026-04-08\n      limit: 6 weeks";

    private readonly TempPolicies _policies = new TempPolicies()
        .With("halo.yaml", Halo)
        .With("calendars/england-and-wales.csv", "date,name\n2026-04-06,Easter Monday\n");

    public void Dispose() => _policies.Dispose();

    private PublishedRules Rules(int year, int month) => PublishedRules.ForMonth(PolicyLoader.LoadOrThrow(_policies.Folder), new YearMonth(year, month));

    private IReadOnlyList<string> Change(Func<string, string> edit, int year, int month)
    {
        var before = Rules(year, month);
        var text = File.ReadAllText(Path.Combine(_policies.Folder, "halo.yaml"));
        _policies.With("halo.yaml", edit(text));
        try
        {
            return Rules(year, month).ChangesSince(before);
        }
        finally
        {
            _policies.With("halo.yaml", text);
        }
    }

    [Theory]
    [InlineData(2026, 3, false)]
    [InlineData(2026, 4, true)]
    [InlineData(2026, 5, true)]
    public void A_version_from_8_April_changes_the_months_ending_on_or_after_it(int year, int month, bool affected)
    {
        var changes = Change(t => t.Replace("  eligible_after: 8 weeks", Dated, StringComparison.Ordinal), year, month);

        if (affected)
        {
            Assert.Equal(["halo.yaml changed: adr.eligible_after"], changes);
        }
        else
        {
            Assert.Empty(changes);
        }
    }

    [Fact]
    public void Moving_a_from_date_changes_the_months_from_the_earlier_of_the_two_dates()
    {
        _policies.With("halo.yaml", Halo.Replace("  eligible_after: 8 weeks", Dated, StringComparison.Ordinal));

        Assert.Empty(Change(t => t.Replace("2026-04-08", "2026-06-01", StringComparison.Ordinal), 2026, 3));
        Assert.Single(Change(t => t.Replace("2026-04-08", "2026-06-01", StringComparison.Ordinal), 2026, 4));
        Assert.Single(Change(t => t.Replace("2026-04-08", "2026-06-01", StringComparison.Ordinal), 2026, 7));
    }

    [Fact]
    public void A_stage_that_exists_only_from_a_date_is_not_in_force_before_it()
    {
        var text = Halo.Replace("    limit: 2 business_days", "    limit:\n      - from: 2026-04-08\n        limit: 2 business_days", StringComparison.Ordinal);
        _policies.With("halo.yaml", text);

        Assert.Equal("(not yet in force)", PolicyKeys.Flatten(PolicyLoader.LoadOrThrow(_policies.Folder).Find("halo")!, new LocalDate(2026, 3, 31))["stages.ack.limit"]);
        Assert.Empty(Change(t => t.Replace("limit: 2 business_days", "limit: 3 business_days", StringComparison.Ordinal), 2026, 3));
        Assert.Equal(["halo.yaml changed: stages.ack.limit"], Change(t => t.Replace("limit: 2 business_days", "limit: 3 business_days", StringComparison.Ordinal), 2026, 4));
    }

    [Fact]
    public void An_undated_change_and_a_calendar_edit_change_every_month()
    {
        Assert.Equal(["halo.yaml changed: working_days"], Change(t => t + "\nworking_days: [mon, tue, wed, thu]\n", 2015, 1));
        Assert.Equal(["halo.yaml changed: stages.ack.limit"], Change(t => t.Replace("2 business_days", "3 business_days", StringComparison.Ordinal), 2015, 1));

        var before = Rules(2015, 1);
        _policies.With("calendars/england-and-wales.csv", "date,name\n2026-04-06,Easter Monday\n2026-12-28,Boxing Day (substitute day)\n");
        Assert.Equal(["calendars/england-and-wales.csv changed: holidays"], Rules(2015, 1).ChangesSince(before));
    }

    [Fact]
    public void Comments_change_no_month_and_the_rules_survive_the_store()
    {
        var before = Rules(2026, 5);
        Assert.Empty(Change(t => "# Halo's procedure\n" + t, 2026, 5));
        Assert.Empty(Rules(2026, 5).ChangesSince(PublishedRules.FromJson(before.ToJson())!));
        Assert.Equal(before.Hash(), PublishedRules.FromJson(before.ToJson())!.Hash());
    }

    [Fact]
    public void A_return_depends_on_the_calendar_and_working_days_but_on_no_limit()
    {
        var before = PublishedRules.ForReturn(PolicyLoader.LoadOrThrow(_policies.Folder));
        _policies.With("halo.yaml", Halo.Replace("2 business_days", "3 business_days", StringComparison.Ordinal).Replace("8 weeks", "6 weeks", StringComparison.Ordinal));
        Assert.Empty(PublishedRules.ForReturn(PolicyLoader.LoadOrThrow(_policies.Folder)).ChangesSince(before));
        _policies.With("halo.yaml", Halo + "\nworking_days: [mon, tue, wed, thu]\n");
        Assert.Equal(["halo.yaml changed: working_days"], PublishedRules.ForReturn(PolicyLoader.LoadOrThrow(_policies.Folder)).ChangesSince(before));
    }
}
