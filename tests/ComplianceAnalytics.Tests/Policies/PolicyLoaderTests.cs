using ComplianceAnalytics.Policies;
using NodaTime;

namespace ComplianceAnalytics.Tests.Policies;

public class PolicyLoaderTests
{
    private static readonly PolicySet Seeds = PolicyLoader.LoadOrThrow(RepositoryPaths.Policies);

    [Fact]
    public void Sample_policies_load_without_errors()
    {
        Assert.Empty(Seeds.Errors);
        Assert.Equal(["bluehat", "crediflex", "halo", "helpdesk", "hexpress", "jpdit", "netservers"], Seeds.All.Select(p => p.Org));
        Assert.Null(Seeds.Find("nobody"));
        Assert.Null(Seeds.Find("JPDIT"));
    }

    [Fact]
    public void Jpdit_reads_every_field()
    {
        var jpdit = Seeds.Find("jpdit")!;
        Assert.Equal("JPDIT Services", jpdit.Name);
        Assert.Equal("Europe/London", jpdit.TimeZone.Id);
        Assert.Equal(
            [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday],
            jpdit.WorkingDays);
        Assert.Equal("england-and-wales", jpdit.Holidays);
        Assert.Contains(new LocalDate(2026, 12, 28), jpdit.Calendar.Holidays);
        Assert.False(jpdit.Calendar.IsWorkingDay(new LocalDate(2026, 4, 6)));
        Assert.EndsWith("jpdit.yaml", jpdit.SourcePath, StringComparison.Ordinal);
        Assert.Null(jpdit.Adr);
        Assert.Empty(jpdit.CustomerWindows);

        var investigation = jpdit.Stages.Single(s => s.Id == "investigation");
        Assert.Equal(["acknowledged"], investigation.Start);
        Assert.Equal(["response_issued"], investigation.Stop);
        Assert.Equal(["info_requested"], investigation.PauseOn);
        Assert.Equal(["info_received"], investigation.ResumeOn);
        Assert.False(investigation.Extendable);
    }

    [Theory]
    [InlineData("bluehat", "acknowledgement", "complaint_received", "acknowledged", "24 hours")]
    [InlineData("bluehat", "resolution", "acknowledged", "response_issued", "48 hours")]
    [InlineData("bluehat", "escalation", "escalation_requested", "escalation_response_issued", "14 days")]
    [InlineData("jpdit", "acknowledgement", "complaint_received", "acknowledged", "2 business_days")]
    [InlineData("jpdit", "investigation", "acknowledged", "response_issued", "10 business_days")]
    [InlineData("jpdit", "escalation_acknowledgement", "escalation_requested", "escalation_acknowledged", "2 business_days")]
    [InlineData("jpdit", "escalation", "escalation_requested", "escalation_response_issued", "15 business_days")]
    [InlineData("netservers", "escalation", "escalation_requested", "escalation_response_issued", "10 business_days")]
    [InlineData("halo", "escalation", "escalation_requested", "escalation_response_issued", "30 business_days")]
    [InlineData("hexpress", "step_1", "complaint_received", "response_issued", "5 business_days")]
    [InlineData("hexpress", "complaints_team_response", "complaint_received", "response_issued", "10 business_days")]
    [InlineData("hexpress", "step_2", "escalation_requested", "escalation_response_issued", "10 business_days")]
    [InlineData("helpdesk", "acknowledgement", "complaint_received", "acknowledged", "2 business_days")]
    [InlineData("helpdesk", "resolution", "acknowledged", "response_issued", "10 business_days")]
    public void Seed_stage_limits(string org, string stage, string start, string stop, string limit)
    {
        var definition = Seeds.Find(org)!.Stages.Single(s => s.Id == stage);
        Assert.Equal(start, definition.Start[0]);
        Assert.Contains(stop, definition.Stop);
        Assert.Equal(TimeLimit.Parse(limit), definition.Limit);
    }

    [Theory]
    [InlineData("bluehat", 3)]
    [InlineData("jpdit", 4)]
    [InlineData("netservers", 1)]
    [InlineData("halo", 1)]
    [InlineData("hexpress", 3)]
    [InlineData("helpdesk", 2)]
    public void Seed_stage_counts(string org, int stages) => Assert.Equal(stages, Seeds.Find(org)!.Stages.Count);

    [Fact]
    public void Seed_adr_rules_and_customer_windows()
    {
        // Ofcom's statement of 8 July 2025: 6 weeks for complaints received from 8 April 2026.
        DatedLimit[] ofcom = [new(null, TimeLimit.Parse("8 weeks")), new(new NodaTime.LocalDate(2026, 4, 8), TimeLimit.Parse("6 weeks"))];
        Assert.Equal(ofcom, Seeds.Find("netservers")!.Adr!.EligibleAfter.Versions);
        Assert.Equal(ofcom, Seeds.Find("halo")!.Adr!.EligibleAfter.Versions);
        Assert.Null(Seeds.Find("bluehat")!.Adr);
        Assert.Null(Seeds.Find("hexpress")!.Adr);

        var window = Assert.Single(Seeds.Find("hexpress")!.CustomerWindows);
        Assert.Equal("escalation_window", window.Id);
        Assert.Equal(["response_issued"], window.From);
        Assert.Equal(["escalation_requested"], window.To);
        Assert.Equal(new TimeLimit(28, LimitUnit.Days), window.Limit);
    }

    [Fact]
    public void Hexpress_stages_are_extendable_and_pause_for_information()
    {
        Assert.All(Seeds.Find("hexpress")!.Stages, s =>
        {
            Assert.True(s.Extendable);
            Assert.Equal(["info_requested"], s.PauseOn);
            Assert.Equal(["info_received"], s.ResumeOn);
        });
    }

    [Fact]
    public void Helpdesk_is_in_rome_without_holidays_and_resumes_on_take_in_charge()
    {
        var helpdesk = Seeds.Find("helpdesk")!;
        Assert.Equal("Europe/Rome", helpdesk.TimeZone.Id);
        Assert.Null(helpdesk.Holidays);
        Assert.Empty(helpdesk.Calendar.Holidays);
        var resolution = helpdesk.Stages.Single(s => s.Id == "resolution");
        Assert.Equal(["info_requested"], resolution.PauseOn);
        Assert.Equal(["acknowledged"], resolution.ResumeOn);
    }

    [Fact]
    public void Every_escalation_stage_runs_from_request_to_response()
    {
        // The escalation_response durations of contract §5 look for exactly this pair.
        foreach (var org in new[] { "bluehat", "jpdit", "netservers", "halo", "hexpress" })
        {
            Assert.Contains(
                Seeds.Find(org)!.Stages,
                s => s.Start.SequenceEqual(["escalation_requested"]) && s.Stop.SequenceEqual(["escalation_response_issued"]));
        }
    }

    [Fact]
    public void Uk_seeds_use_london_and_the_england_and_wales_calendar()
    {
        foreach (var policy in Seeds.All.Where(p => p.Org != "helpdesk"))
        {
            Assert.Equal("Europe/London", policy.TimeZone.Id);
            Assert.Equal("england-and-wales", policy.Holidays);
        }
    }

    [Fact]
    public void Defaults_apply_when_optional_fields_are_absent()
    {
        using var temp = new TempPolicies().With("acme.yaml", """
            org: acme
            name: Acme
            time_zone: UTC
            stages:
              - id: ack
                start: complaint_received
                stop: [acknowledged]
                limit: 1 day
            """);
        var policy = Assert.Single(PolicyLoader.LoadOrThrow(temp.Folder).All);
        Assert.Equal(5, policy.WorkingDays.Count);
        Assert.DoesNotContain(IsoDayOfWeek.Saturday, policy.WorkingDays);
        Assert.Null(policy.Holidays);
        Assert.Null(policy.Adr);
        Assert.Empty(policy.CustomerWindows);
        var stage = Assert.Single(policy.Stages);
        Assert.Equal(["complaint_received"], stage.Start);
        Assert.Empty(stage.PauseOn);
        Assert.Empty(stage.ResumeOn);
        Assert.False(stage.Extendable);
        Assert.Equal(new TimeLimit(1, LimitUnit.Days), stage.Limit);
    }

    [Fact]
    public void A_pause_without_a_resume_is_allowed()
    {
        using var temp = new TempPolicies().With("acme.yaml", """
            org: acme
            name: Acme
            time_zone: Europe/London
            working_days: [sun, mon]
            stages:
              - id: resolution
                start: [acknowledged]
                stop: [response_issued]
                limit: 3 business_days
                pause_on: [info_requested]
            """);
        var policy = Assert.Single(PolicyLoader.LoadOrThrow(temp.Folder).All);
        Assert.Equal([IsoDayOfWeek.Monday, IsoDayOfWeek.Sunday], policy.WorkingDays);
        Assert.Empty(policy.Stages[0].ResumeOn);
    }

    [Fact]
    public void A_folder_without_policies_loads_empty()
    {
        using var temp = new TempPolicies();
        var set = PolicyLoader.Load(temp.Folder);
        Assert.Empty(set.All);
        Assert.Empty(set.Errors);
    }
}
