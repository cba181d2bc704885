using ComplianceAnalytics.Actions;
using ComplianceAnalytics.Policies;
using ComplianceAnalytics.Tests.Policies;
using NodaTime;

namespace ComplianceAnalytics.Tests.Actions;

/// <summary>The actions folder: what a valid action reads as, and every refusal naming file, line and key.</summary>
public sealed class ActionLoaderTests : IDisposable
{
    private const string Policy = """
        org: acme
        name: Acme Bank
        time_zone: Europe/London
        stages:
          - id: acknowledgement
            start: [complaint_received]
            stop: [acknowledged]
            limit: 2 business_days
        """;

    private const string Valid = """
        id: A-1
        org: acme
        date: 2026-03-10
        scope:
          stage: acknowledgement
          team: Desk
        description: Acknowledgements sent the same day
        owner: Head of Service
        """;

    private readonly TempPolicies _policies = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "actions-" + Guid.NewGuid().ToString("N"));

    public ActionLoaderTests()
    {
        _policies.With("acme.yaml", Policy);
        Directory.CreateDirectory(_folder);
    }

    public void Dispose()
    {
        _policies.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private PolicySet Policies => PolicyLoader.LoadOrThrow(_policies.Folder);

    private ActionSet Load(bool strict = true) => ActionLoader.LoadOrThrow(_folder, Policies, strict);

    private void Write(string file, string yaml) => File.WriteAllText(Path.Combine(_folder, file), yaml);

    private string Refusal(string yaml, bool strict = true)
    {
        Write("a.yaml", yaml);
        return Assert.Throws<ActionValidationException>(() => Load(strict)).Message;
    }

    [Fact]
    public void A_valid_action_is_read_with_its_scope()
    {
        Write("a.yaml", Valid);

        var action = Assert.Single(Load().All);

        Assert.Equal(
            new ImprovementAction("A-1", "acme", new LocalDate(2026, 3, 10), new ActionScope("acknowledgement", "Desk", null, null, null),
                "Acknowledgements sent the same day", "Head of Service", "a.yaml"),
            action);
        Assert.Equal("stage acknowledgement, team Desk", action.Scope.ToString());
    }

    [Fact]
    public void A_scope_on_root_cause_and_product_is_read()
    {
        Write("a.yaml", Valid.Replace("  team: Desk", "  root_cause: training\n  product: current_account", StringComparison.Ordinal));

        var action = Assert.Single(Load().All);

        Assert.Equal(new ActionScope("acknowledgement", null, null, "training", "current_account"), action.Scope);
        Assert.Equal("stage acknowledgement, root cause training, product current_account", action.Scope.ToString());
    }

    [Theory]
    [InlineData("date: 2026-03-10", "date: 10/03/2026", "a.yaml:3: date: '10/03/2026' is not a date of the form YYYY-MM-DD")]
    [InlineData("owner: Head of Service", "", "a.yaml:1: owner: required")]
    [InlineData("owner: Head of Service", "owner: Head of Service\nteam: Desk", "a.yaml:9: team: unknown key")]
    [InlineData("  team: Desk", "  colour: red", "a.yaml:6: scope.colour: unknown key")]
    [InlineData("  stage: acknowledgement", "  stage: response", "a.yaml:5: scope.stage: 'response' is not a stage of acme's policy (acknowledgement)")]
    [InlineData("  team: Desk", "  root_cause: \"\"", "a.yaml:6: scope.root_cause: expected a non-empty text value")]
    [InlineData("org: acme", "org: other", "a.yaml:2: org: 'other' has no policy in the policies folder")]
    public void A_bad_action_is_refused_naming_file_line_and_key(string replace, string with, string expected)
    {
        var message = Refusal(Valid.Replace(replace, with, StringComparison.Ordinal));

        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scope_with_no_key_is_refused()
    {
        var message = Refusal(Valid.Replace("  stage: acknowledgement\n  team: Desk", "  {}", StringComparison.Ordinal).Replace("scope:\n  {}", "scope: {}", StringComparison.Ordinal));

        Assert.Contains("a.yaml:4: scope: expected a mapping with at least one of stage, team, category, root_cause, product", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_actions_with_one_id_are_refused_naming_both_files()
    {
        Write("a.yaml", Valid);
        Write("b.yaml", Valid);

        var message = Assert.Throws<ActionValidationException>(() => Load()).Message;

        Assert.Contains("b.yaml:1: id: 'A-1' is already the id of the action in a.yaml", message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_folder_leaves_out_an_action_of_an_org_without_a_policy_and_says_so()
    {
        Write("a.yaml", Valid);
        Write("b.yaml", Valid.Replace("org: acme", "org: other", StringComparison.Ordinal).Replace("A-1", "B-1", StringComparison.Ordinal));

        var actions = Load(strict: false);

        Assert.Equal("A-1", Assert.Single(actions.All).Id);
        Assert.Equal("b.yaml: org 'other' has no policy", Assert.Single(actions.Skipped));
        // Anything else wrong in the default folder still fails: only the org is forgiven.
        Write("c.yaml", Valid.Replace("A-1", "C-1", StringComparison.Ordinal).Replace("2026-03-10", "soon", StringComparison.Ordinal));
        Assert.Contains("c.yaml:3: date:", Assert.Throws<ActionValidationException>(() => Load(strict: false)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_folder_is_an_error_when_configured_and_no_actions_by_default()
    {
        Directory.Delete(_folder);

        Assert.Empty(ActionLoader.LoadOrThrow(_folder, Policies, strict: false).All);
        Assert.Contains("the actions folder does not exist", Assert.Throws<ActionValidationException>(() => ActionLoader.LoadOrThrow(_folder, Policies, strict: true)).Message, StringComparison.Ordinal);
        Directory.CreateDirectory(_folder);
    }

    [Fact]
    public void The_shipped_sample_actions_load_against_the_sample_policies()
    {
        var actions = ActionLoader.LoadOrThrow(
            Path.Combine(RepositoryPaths.Root, "sample-data", "actions"),
            PolicyLoader.LoadOrThrow(Path.Combine(RepositoryPaths.Root, "sample-data", "policies")),
            strict: true);

        Assert.True(actions.All.Count >= 4);
        Assert.Empty(actions.Skipped);
    }
}
