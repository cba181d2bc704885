using System.Text.Json;
using ComplianceAnalytics.Policies;
using NodaTime;

namespace ComplianceAnalytics.Tests.Policies;

/// <summary>A stage's target with dated versions: read, validated, chosen by a month's last day, written by policies --json.</summary>
public class DatedTargetTests
{
    private const string Acme = """
        org: acme
        name: Acme
        time_zone: Europe/London
        stages:
          - id: ack
            start: [complaint_received]
            stop: [acknowledged]
            limit: 2 business_days

        """;

    private static PolicySet Load(string target)
    {
        using var temp = new TempPolicies().With("acme.yaml", Acme + target);
        return PolicyLoader.Load(temp.Folder);
    }

    private const string Dated = "    target:\n      - target: 95%\n      - from: 2026-04-08\n        target: 90%\n";

    [Fact]
    public void Dated_targets_are_read_as_versions_oldest_first()
    {
        // Which version judges a month (the one in force on its first day) is the queries' stage_target();
        // see DatedTargetQueriesTests.
        var target = Load(Dated).Find("acme")!.Stages[0].Target!;

        Assert.Equal([new DatedTarget(null, 0.95m), new DatedTarget(new LocalDate(2026, 4, 8), 0.90m)], target.Versions);
        Assert.Equal("95.0 %; 90.0 % from 2026-04-08", target.ToString());
    }

    [Fact]
    public void A_target_from_a_date_has_no_version_before_it()
    {
        var target = Load("    target:\n      - from: 2026-04-08\n        target: 90%\n").Find("acme")!.Stages[0].Target!;

        Assert.Equal([new DatedTarget(new LocalDate(2026, 4, 8), 0.90m)], target.Versions);
    }

    [Theory]
    [InlineData(
        "    target:\n      - target: 95%\n      - from: 2026-04-08\n        target: 90%\n      - from: 2026-01-01\n        target: 80%\n",
        "acme.yaml: stages[0].target[2].from: 2026-01-01 is before the from of the version before (2026-04-08); versions are listed oldest first, each from a later date")]
    [InlineData(
        "    target:\n      - target: 95%\n      - from: 2026-04-08\n        target: 90%\n      - from: 2026-04-08\n        target: 80%\n",
        "acme.yaml: stages[0].target[2].from: 2026-04-08 repeats the from of the version before (2026-04-08)")]
    [InlineData("    target:\n      - target: 95%\n      - target: 90%\n", "acme.yaml: stages[0].target[1].from: missing; only the first version may omit from")]
    [InlineData("    target:\n      - target: 95%\n      - from: April 2026\n        target: 90%\n", "acme.yaml: stages[0].target[1].from: 'April 2026' is not a date YYYY-MM-DD")]
    [InlineData("    target:\n      - target: 95%\n      - from: 2026-04-08\n        target: 190%\n", "acme.yaml: stages[0].target[1].target: '190%' is not a percentage")]
    [InlineData("    target:\n      - target: 95%\n      - from: 2026-04-08\n        limit: 90%\n", "acme.yaml: stages[0].target[1].limit: unknown key")]
    [InlineData("    target: []\n", "acme.yaml: stages[0].target: is empty")]
    [InlineData("    target:\n      - 95%\n", "acme.yaml: stages[0].target[0]: is not a version {from, target}")]
    public void Bad_versions_are_refused_naming_file_and_key(string target, string expected)
    {
        var set = Load(target);

        Assert.Null(set.Find("acme"));
        Assert.Contains(set.Errors, e => e.ToString().StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Policies_json_writes_a_single_target_as_text_and_dated_ones_as_versions()
    {
        var single = Load("    target: 97.5%\n").Find("acme")!;
        var dated = Load(Dated).Find("acme")!;

        using var doc = JsonDocument.Parse(PolicyJson.Serialize([single]));
        Assert.Equal("97.5%", doc.RootElement[0].GetProperty("stages")[0].GetProperty("target").GetString());
        using var datedDoc = JsonDocument.Parse(PolicyJson.Serialize([dated]));
        Assert.Equal(
            """[{"from":null,"target":"95%"},{"from":"2026-04-08","target":"90%"}]""",
            JsonSerializer.Serialize(datedDoc.RootElement[0].GetProperty("stages")[0].GetProperty("target")));
    }

    [Fact]
    public void The_policy_history_keys_a_target_as_before_and_names_a_dated_one_as_its_versions()
    {
        Assert.Equal("95.0 %", PolicyKeys.Flatten(Load("    target: 95%\n").Find("acme")!)["stages.ack.target"]);
        var dated = Load(Dated).Find("acme")!;
        Assert.Equal("95.0 %; 90.0 % from 2026-04-08", PolicyKeys.Flatten(dated)["stages.ack.target"]);
        // A month ending on the given day is judged by the target of its first day: a version from 8 April
        // cannot change March or April, only May on.
        Assert.Equal("95.0 %", PolicyKeys.Flatten(dated, new LocalDate(2026, 3, 31))["stages.ack.target"]);
        Assert.Equal("95.0 %", PolicyKeys.Flatten(dated, new LocalDate(2026, 4, 30))["stages.ack.target"]);
        Assert.Equal("95.0 %; 90.0 % from 2026-04-08", PolicyKeys.Flatten(dated, new LocalDate(2026, 5, 31))["stages.ack.target"]);
    }
}
