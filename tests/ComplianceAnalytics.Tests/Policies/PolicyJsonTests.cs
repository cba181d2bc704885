using System.Text.Json;
using ComplianceAnalytics.Policies;

namespace ComplianceAnalytics.Tests.Policies;

public class PolicyJsonTests
{
    private static readonly PolicySet Seeds = PolicyLoader.LoadOrThrow(RepositoryPaths.Policies);

    [Fact]
    public void Writes_an_array_of_policies_ordered_by_org()
    {
        using var doc = JsonDocument.Parse(PolicyJson.Serialize(Seeds.All.Reverse()));
        Assert.Equal(JsonValueKind.Array, doc.RootElement.ValueKind);
        Assert.Equal(
            ["bluehat", "crediflex", "halo", "helpdesk", "hexpress", "jpdit", "netservers"],
            doc.RootElement.EnumerateArray().Select(p => p.GetProperty("org").GetString()));
    }

    [Fact]
    public void Each_policy_has_the_fields_of_section_3()
    {
        using var doc = JsonDocument.Parse(PolicyJson.Serialize(Seeds.All));
        foreach (var policy in doc.RootElement.EnumerateArray())
        {
            Assert.Equal(
                ["org", "name", "time_zone", "working_days", "holidays", "stages", "adr", "customer_windows"],
                policy.EnumerateObject().Select(p => p.Name));
            foreach (var stage in policy.GetProperty("stages").EnumerateArray())
            {
                Assert.Equal(
                    ["id", "start", "stop", "limit", "pause_on", "resume_on", "extendable"],
                    stage.EnumerateObject().Select(p => p.Name));
            }
        }
    }

    [Fact]
    public void Jpdit_is_written_as_read()
    {
        using var doc = JsonDocument.Parse(PolicyJson.Serialize([Seeds.Find("jpdit")!]));
        var jpdit = doc.RootElement[0];
        Assert.Equal("JPDIT Services", jpdit.GetProperty("name").GetString());
        Assert.Equal("Europe/London", jpdit.GetProperty("time_zone").GetString());
        Assert.Equal(["mon", "tue", "wed", "thu", "fri"], jpdit.GetProperty("working_days").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("england-and-wales", jpdit.GetProperty("holidays").GetString());
        Assert.Equal(JsonValueKind.Null, jpdit.GetProperty("adr").ValueKind);
        Assert.Equal(0, jpdit.GetProperty("customer_windows").GetArrayLength());

        var acknowledgement = jpdit.GetProperty("stages")[0];
        Assert.Equal("acknowledgement", acknowledgement.GetProperty("id").GetString());
        Assert.Equal("complaint_received", acknowledgement.GetProperty("start")[0].GetString());
        Assert.Equal("acknowledged", acknowledgement.GetProperty("stop")[0].GetString());
        Assert.Equal("2 business_days", acknowledgement.GetProperty("limit").GetString());
        Assert.Equal(0, acknowledgement.GetProperty("pause_on").GetArrayLength());
        Assert.Equal(0, acknowledgement.GetProperty("resume_on").GetArrayLength());
        Assert.False(acknowledgement.GetProperty("extendable").GetBoolean());

        var investigation = jpdit.GetProperty("stages")[1];
        Assert.Equal("10 business_days", investigation.GetProperty("limit").GetString());
        Assert.Equal("info_requested", investigation.GetProperty("pause_on")[0].GetString());
        Assert.Equal("info_received", investigation.GetProperty("resume_on")[0].GetString());
    }

    [Fact]
    public void Adr_customer_windows_and_null_holidays()
    {
        using var doc = JsonDocument.Parse(PolicyJson.Serialize(Seeds.All));
        var byOrg = doc.RootElement.EnumerateArray().ToDictionary(p => p.GetProperty("org").GetString()!, StringComparer.Ordinal);

        Assert.Equal(
            """[{"from":null,"limit":"8 weeks"},{"from":"2026-04-08","limit":"6 weeks"}]""",
            Compact(byOrg["halo"].GetProperty("adr").GetProperty("eligible_after")));
        Assert.Equal(
            """[{"from":null,"limit":"8 weeks"},{"from":"2026-04-08","limit":"6 weeks"}]""",
            Compact(byOrg["netservers"].GetProperty("adr").GetProperty("eligible_after")));
        Assert.Equal(JsonValueKind.Null, byOrg["helpdesk"].GetProperty("holidays").ValueKind);
        Assert.True(byOrg["hexpress"].GetProperty("stages")[0].GetProperty("extendable").GetBoolean());

        var window = byOrg["hexpress"].GetProperty("customer_windows")[0];
        Assert.Equal(["id", "from", "to", "limit"], window.EnumerateObject().Select(p => p.Name));
        Assert.Equal("escalation_window", window.GetProperty("id").GetString());
        Assert.Equal("response_issued", window.GetProperty("from")[0].GetString());
        Assert.Equal("escalation_requested", window.GetProperty("to")[0].GetString());
        Assert.Equal("28 days", window.GetProperty("limit").GetString());
    }

    [Fact]
    public void A_dated_stage_limit_is_an_array_and_a_list_of_one_undated_version_a_string()
    {
        const string policy = """
            org: acme
            name: Acme
            time_zone: Europe/London
            stages:
              - id: ack
                start: [complaint_received]
                stop: [acknowledged]
                limit:
                  - from: 2026-04-08
                    limit: 1 business_day
              - id: res
                start: [acknowledged]
                stop: [response_issued]
                limit:
                  - limit: 10 business_days
            """;
        using var temp = new TempPolicies().With("acme.yaml", policy);
        using var doc = JsonDocument.Parse(PolicyJson.Serialize(PolicyLoader.LoadOrThrow(temp.Folder).All));
        var stages = doc.RootElement[0].GetProperty("stages");

        Assert.Equal("""[{"from":"2026-04-08","limit":"1 business_days"}]""", Compact(stages[0].GetProperty("limit")));
        Assert.Equal("10 business_days", stages[1].GetProperty("limit").GetString());
    }

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element);

    [Fact]
    public void Output_is_deterministic() =>
        Assert.Equal(PolicyJson.Serialize(Seeds.All), PolicyJson.Serialize(PolicyLoader.LoadOrThrow(RepositoryPaths.Policies).All.Reverse()));
}
