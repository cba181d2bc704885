using ComplianceAnalytics.Policies;

namespace ComplianceAnalytics.Tests.Policies;

public class PolicyValidationTests
{
    private const string Valid = """
        org: acme
        name: Acme
        time_zone: Europe/London
        stages:
          - id: ack
            start: [complaint_received]
            stop: [acknowledged]
            limit: 2 business_days
        """;

    [Theory]
    [InlineData("limit: 2 business_days", "limit: 10 workdays", "acme.yaml: stages[0].limit: '10 workdays' is not a time limit")]
    [InlineData("limit: 2 business_days", "limit: 0 days", "acme.yaml: stages[0].limit: '0 days' is not a time limit")]
    [InlineData("start: [complaint_received]", "start: [complaint_recieved]", "acme.yaml: stages[0].start[0]: 'complaint_recieved' is not a canonical event type")]
    [InlineData("stop: [acknowledged]", "stop: [acknowledged, solved]", "acme.yaml: stages[0].stop[1]: 'solved' is not a canonical event type")]
    [InlineData("time_zone: Europe/London", "time_zone: Europe/Londn", "acme.yaml: time_zone: 'Europe/Londn' is not an IANA time zone")]
    [InlineData("name: Acme", "name: Acme\nholidays: wales", "acme.yaml: holidays: calendar file calendars/wales.csv not found")]
    [InlineData("name: Acme", "name: Acme\nholidays: ../secrets", "acme.yaml: holidays: '../secrets' is not a calendar name")]
    [InlineData("org: acme", "org: other", "acme.yaml: org: 'other' differs from the file name")]
    [InlineData("name: Acme\n", "", "acme.yaml: name: missing required field")]
    [InlineData("org: acme\n", "", "acme.yaml: org: missing required field")]
    [InlineData("time_zone: Europe/London\n", "", "acme.yaml: time_zone: missing required field")]
    [InlineData("    limit: 2 business_days", "", "acme.yaml: stages[0].limit: missing required field")]
    [InlineData("    start: [complaint_received]\n", "", "acme.yaml: stages[0].start: missing required field")]
    [InlineData("    start: [complaint_received]", "    start: []", "acme.yaml: stages[0].start: is empty")]
    [InlineData("  - id: ack", "  - id: ack\n    deadline: 2 days", "acme.yaml: stages[0].deadline: unknown key")]
    [InlineData("name: Acme", "name: Acme\nescalation: yes", "acme.yaml: escalation: unknown key")]
    [InlineData("name: Acme", "name: Acme\nworking_days: [mon, fri, fry]", "acme.yaml: working_days[2]: 'fry' is not one of mon")]
    [InlineData("name: Acme", "name: Acme\nworking_days: []", "acme.yaml: working_days: is empty")]
    [InlineData("    limit: 2 business_days", "    limit: 2 business_days\n    extendable: maybe", "acme.yaml: stages[0].extendable: 'maybe' is not true or false")]
    [InlineData("    limit: 2 business_days", "    limit: 2 business_days\n    resume_on: [info_received]", "acme.yaml: stages[0].resume_on: is set but pause_on is not")]
    [InlineData("name: Acme", "name: Acme\nadr:\n  eligible_after: eight weeks", "acme.yaml: adr.eligible_after: 'eight weeks' is not a time limit")]
    [InlineData("name: Acme", "name: Acme\nadr:\n  eligible: 8 weeks", "acme.yaml: adr.eligible: unknown key")]
    [InlineData("name: Acme", "name: Acme\ncustomer_windows:\n  - id: w\n    from: [response_issued]\n    to: [escalation_requested]", "acme.yaml: customer_windows[0].limit: missing required field")]
    [InlineData("name: Acme", "name: Acme\ncustomer_windows:\n  - id: w\n    from: [response_issued]\n    to: [asked]\n    limit: 28 days", "acme.yaml: customer_windows[0].to[0]: 'asked' is not a canonical event type")]
    [InlineData("name: Acme", "name: Acme: [", "acme.yaml: (document): is not valid YAML")]
    [InlineData("name: Acme", "name: Acme\nname: Other", "acme.yaml: (document): is not valid YAML")]
    public void Each_error_names_file_and_field(string replace, string with, string expected)
    {
        using var temp = new TempPolicies().With("acme.yaml", Valid.Replace(replace, with, StringComparison.Ordinal));
        var set = PolicyLoader.Load(temp.Folder);
        Assert.Empty(set.All);
        Assert.Contains(set.Errors, e => e.ToString().StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Errors_carry_the_yaml_line()
    {
        using var temp = new TempPolicies().With("acme.yaml", Valid.Replace("2 business_days", "2 fortnights", StringComparison.Ordinal));
        var error = Assert.Single(PolicyLoader.Load(temp.Folder).Errors);
        Assert.Equal("acme.yaml", error.File);
        Assert.Equal("stages[0].limit", error.Field);
        Assert.EndsWith("(line 8)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_stage_id_is_reported()
    {
        const string second = """

              - id: ack
                start: [acknowledged]
                stop: [response_issued]
                limit: 10 business_days
            """;
        using var temp = new TempPolicies().With("acme.yaml", Valid + second);
        var error = Assert.Single(PolicyLoader.Load(temp.Folder).Errors);
        Assert.StartsWith("acme.yaml: stages[1].id: duplicate stage id 'ack' (first used by stages[0])", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_org_across_files_is_reported()
    {
        using var temp = new TempPolicies()
            .With("acme.yaml", Valid)
            .With("beta.yaml", Valid);
        var set = PolicyLoader.Load(temp.Folder);
        Assert.Equal(["acme"], set.All.Select(p => p.Org));
        Assert.Contains(set.Errors, e => e.ToString().StartsWith("beta.yaml: org: 'acme' differs from the file name", StringComparison.Ordinal));
        Assert.Contains(set.Errors, e => e.ToString() == "beta.yaml: org: duplicate org 'acme': acme.yaml already defines it");
    }

    [Fact]
    public void Bad_calendar_rows_name_file_and_line_and_invalidate_the_policy()
    {
        using var temp = new TempPolicies()
            .With("acme.yaml", Valid.Replace("name: Acme", "name: Acme\nholidays: local", StringComparison.Ordinal))
            .With("beta.yaml", Valid.Replace("acme", "beta", StringComparison.Ordinal).Replace("name: Acme", "name: Beta\nholidays: local", StringComparison.Ordinal))
            .With("calendars/local.csv", "date,name\n2026-01-01,New Year\n2026-02-30,Bad day\n2026-03-01\n2026-01-01,Again\n2026-04-01,\n");
        var set = PolicyLoader.Load(temp.Folder);
        Assert.Empty(set.All);
        var text = set.Errors.Select(e => e.ToString()).ToList();

        // Each bad row once, however many policies use the calendar.
        Assert.Equal(1, text.Count(t => t.StartsWith("calendars/local.csv: line 3: '2026-02-30' is not a date", StringComparison.Ordinal)));
        Assert.Contains("calendars/local.csv: line 4: '2026-03-01' is not of the form 'date,name'", text);
        Assert.Contains("calendars/local.csv: line 5: 2026-01-01 is already listed on line 2", text);
        Assert.Contains("calendars/local.csv: line 6: the holiday on 2026-04-01 has no name", text);
        Assert.Contains(text, t => t.StartsWith("acme.yaml: holidays: calendar file calendars/local.csv has errors", StringComparison.Ordinal));
        Assert.Contains(text, t => t.StartsWith("beta.yaml: holidays: calendar file calendars/local.csv has errors", StringComparison.Ordinal));
    }

    [Fact]
    public void Calendar_header_is_checked()
    {
        var errors = new List<PolicyError>();
        HolidayCalendarFile.Parse("day,title\n2026-01-01,New Year\n", "calendars/x.csv", errors);
        Assert.Equal("calendars/x.csv: line 1: header is 'day,title'; expected 'date,name'", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Calendar_accepts_bom_crlf_and_quoted_names()
    {
        var errors = new List<PolicyError>();
        var holidays = HolidayCalendarFile.Parse("\uFEFFdate,name\r\n2026-01-01,\"New Year, observed\"\r\n", "calendars/x.csv", errors);
        Assert.Empty(errors);
        Assert.Equal("New Year, observed", Assert.Single(holidays).Name);
    }

    [Fact]
    public void All_errors_of_all_files_are_collected_and_thrown_together()
    {
        const string broken = """
            org: zulu
            time_zone: Mars/Olympus
            colour: blue
            stages:
              - id: ack
                start: [complaint_received]
                stop: [acknowledgement]
                limit: soon
            """;
        using var temp = new TempPolicies()
            .With("acme.yaml", Valid.Replace("2 business_days", "2 moons", StringComparison.Ordinal))
            .With("zulu.yaml", broken);
        var set = PolicyLoader.Load(temp.Folder);
        Assert.Equal(
            ["acme.yaml: stages[0].limit", "zulu.yaml: colour", "zulu.yaml: name", "zulu.yaml: time_zone", "zulu.yaml: stages[0].stop[0]", "zulu.yaml: stages[0].limit"],
            set.Errors.Select(e => $"{e.File}: {e.Field}"));

        var thrown = Assert.Throws<PolicyValidationException>(() => PolicyLoader.LoadOrThrow(temp.Folder));
        Assert.Equal(6, thrown.Errors.Count);
        Assert.StartsWith("The policies have 6 error(s):", thrown.Message, StringComparison.Ordinal);
        Assert.All(set.Errors, e => Assert.Contains(e.ToString(), thrown.Message, StringComparison.Ordinal));
    }

    /// <summary>A policy whose ADR trigger is <paramref name="versions"/>, written as YAML list items.</summary>
    private static string WithAdrVersions(string versions) =>
        Valid + "\nadr:\n  eligible_after:\n" + versions;

    [Theory]
    [InlineData(
        "    - limit: 8 weeks\n    - from: 2026-04-08\n      limit: 6 weeks\n    - from: 2026-01-01\n      limit: 4 weeks\n",
        "acme.yaml: adr.eligible_after[2].from: 2026-01-01 is before the from of the version before (2026-04-08); versions are listed oldest first, each from a later date (line 14)")]
    [InlineData(
        "    - limit: 8 weeks\n    - from: 2026-04-08\n      limit: 6 weeks\n    - from: 2026-04-08\n      limit: 4 weeks\n",
        "acme.yaml: adr.eligible_after[2].from: 2026-04-08 repeats the from of the version before (2026-04-08); versions are listed oldest first, each from a later date (line 14)")]
    [InlineData(
        "    - limit: 8 weeks\n    - limit: 6 weeks\n",
        "acme.yaml: adr.eligible_after[1].from: missing; only the first version may omit from (it is in force from the beginning) (line 12)")]
    [InlineData(
        "    - limit: 8 weeks\n    - from: 8 April 2026\n      limit: 6 weeks\n",
        "acme.yaml: adr.eligible_after[1].from: '8 April 2026' is not a date YYYY-MM-DD (line 12)")]
    [InlineData(
        "    - limit: 8 weeks\n    - from: 2026-02-30\n      limit: 6 weeks\n",
        "acme.yaml: adr.eligible_after[1].from: '2026-02-30' is not a date YYYY-MM-DD (line 12)")]
    [InlineData(
        "    - from: 2026-04-08\n      limit: six weeks\n",
        "acme.yaml: adr.eligible_after[0].limit: 'six weeks' is not a time limit '<N> <unit>' ('six' is not a positive whole number) (line 12)")]
    [InlineData(
        "    - from: 2026-04-08\n      limit: 6 weeks\n      until: 2027-01-01\n",
        "acme.yaml: adr.eligible_after[0].until: unknown key; expected one of from, limit (line 13)")]
    [InlineData(
        "    - from: 2026-04-08\n",
        "acme.yaml: adr.eligible_after[0].limit: missing required field (line 11)")]
    [InlineData(
        "    - 6 weeks\n",
        "acme.yaml: adr.eligible_after[0]: is not a version {from, limit} (line 11)")]
    [InlineData(
        "    - limit: [8 weeks]\n",
        "acme.yaml: adr.eligible_after[0].limit: is not a single value (line 11)")]
    [InlineData(
        "    []\n",
        "acme.yaml: adr.eligible_after: is empty; write one limit, or a list of versions {from, limit} (line 11)")]
    public void Dated_versions_are_refused_with_file_key_and_line(string versions, string expected)
    {
        using var temp = new TempPolicies().With("acme.yaml", WithAdrVersions(versions));
        var set = PolicyLoader.Load(temp.Folder);
        Assert.Empty(set.All);
        Assert.Contains(expected, set.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Dated_versions_of_stage_and_window_limits_are_read_oldest_first()
    {
        var policy = Valid.Replace("    limit: 2 business_days", "    limit:\n      - limit: 2 business_days\n      - from: 2027-01-01\n        limit: 1 business_day", StringComparison.Ordinal)
            + "\ncustomer_windows:\n  - id: w\n    from: [response_issued]\n    to: [escalation_requested]\n    limit:\n      - from: 2026-04-08\n        limit: 28 days\n";
        using var temp = new TempPolicies().With("acme.yaml", policy);
        var set = PolicyLoader.LoadOrThrow(temp.Folder);
        var acme = Assert.Single(set.All);

        Assert.Equal(
            [new DatedLimit(null, TimeLimit.Parse("2 business_days")), new DatedLimit(new NodaTime.LocalDate(2027, 1, 1), TimeLimit.Parse("1 business_days"))],
            acme.Stages[0].Limit.Versions);
        Assert.Equal("2 business_days; 1 business_days from 2027-01-01", acme.Stages[0].Limit.ToString());
        Assert.Equal([new DatedLimit(new NodaTime.LocalDate(2026, 4, 8), TimeLimit.Parse("28 days"))], acme.CustomerWindows[0].Limit.Versions);
        Assert.True(acme.CustomerWindows[0].Limit.IsDated);
    }

    [Fact]
    public void A_stage_limit_with_versions_out_of_order_names_the_stage_key()
    {
        var policy = Valid.Replace("    limit: 2 business_days", "    limit:\n      - from: 2027-01-01\n        limit: 2 business_days\n      - from: 2026-01-01\n        limit: 1 business_days", StringComparison.Ordinal);
        using var temp = new TempPolicies().With("acme.yaml", policy);
        var error = Assert.Single(PolicyLoader.Load(temp.Folder).Errors);
        Assert.Equal("stages[0].limit[1].from", error.Field);
    }

    [Fact]
    public void A_missing_folder_is_an_error()
    {
        var set = PolicyLoader.Load(Path.Combine(Path.GetTempPath(), "no-such-policies-" + Guid.NewGuid().ToString("N")));
        Assert.Contains("the policies folder does not exist", Assert.Single(set.Errors).Message, StringComparison.Ordinal);
    }
}
