using ComplianceAnalytics.Actions;
using NodaTime;

namespace ComplianceAnalytics.Tests.Measures;

/// <summary>
/// Actions scoped on the case's root_cause and product (contract §1): an instance counts under the
/// cause and product the case has at the report month's as-of, so a cause found after the stage
/// stopped still puts it in the scope. Hand-worked: in January 4 "staffing" cases of product "loan"
/// breach of 4, in May 1 of 4; 4 "system" cases breach in both months; 4 "staffing" cases of product
/// "card" are on time in both months.
/// </summary>
public sealed class ActionScopeQueriesTests : IDisposable
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

    private readonly QueryScenario _scenario = new(("acme.yaml", Policy));
    private readonly List<string> _lines = [];
    private int _cases;

    public ActionScopeQueriesTests()
    {
        Cases(new LocalDate(2026, 1, 5), "staffing", "loan", 4, 4);
        Cases(new LocalDate(2026, 5, 5), "staffing", "loan", 4, 1);
        Cases(new LocalDate(2026, 1, 5), "system", "loan", 4, 4);
        Cases(new LocalDate(2026, 5, 5), "system", "loan", 4, 4);
        Cases(new LocalDate(2026, 1, 5), "staffing", "card", 4, 0);
        Cases(new LocalDate(2026, 5, 5), "staffing", "card", 4, 0);
        _scenario.Load("acme", "case_ref,event_type,occurred_at,root_cause,product", _lines);
        _scenario.Actions = new ActionSet(
            [
                Action("by-cause", new ActionScope(null, null, null, "staffing", null)),
                Action("by-product", new ActionScope(null, null, null, null, "loan")),
                Action("by-both", new ActionScope("acknowledgement", null, null, "staffing", "loan")),
            ],
            []);
    }

    public void Dispose() => _scenario.Dispose();

    [Fact]
    public void An_action_on_a_root_cause_counts_only_that_causes_instances_found_after_the_stop_too()
    {
        var sheet = Sheet();

        // staffing: loan 4/4 + card 0/4 before; loan 1/4 + card 0/4 after.
        Assert.Equal((8L, 4L, 8L, 1L), (sheet["by-cause"]["before_3_n"], sheet["by-cause"]["before_3_b"], sheet["by-cause"]["after_3_n"], sheet["by-cause"]["after_3_b"]));
        // loan: staffing 4/4 + system 4/4 before; staffing 1/4 + system 4/4 after.
        Assert.Equal((8L, 8L, 8L, 5L), (sheet["by-product"]["before_3_n"], sheet["by-product"]["before_3_b"], sheet["by-product"]["after_3_n"], sheet["by-product"]["after_3_b"]));
        Assert.Equal((4L, 4L, 4L, 1L), (sheet["by-both"]["before_3_n"], sheet["by-both"]["before_3_b"], sheet["by-both"]["after_3_n"], sheet["by-both"]["after_3_b"]));
        Assert.Equal("stage acknowledgement, root cause staffing, product loan", sheet["by-both"]["scope"]);
    }

    private static ImprovementAction Action(string id, ActionScope scope) =>
        new(id, "acme", new LocalDate(2026, 3, 10), scope, "test", "owner", id + ".yaml");

    private Dictionary<string, Dictionary<string, object?>> Sheet()
    {
        var table = _scenario.Table("director_actions", "2026-06");
        return table.Rows.ToDictionary(r => (string)r[2]!, r => table.Columns.Select((c, i) => (c, r[i])).ToDictionary(p => p.c, p => p.Item2));
    }

    /// <summary>
    /// Cases received at 09:00 UTC on <paramref name="day"/>, the first <paramref name="late"/> acknowledged ten days later;
    /// the product is given on receipt, the root cause only on a closing event a month later (after the stop).
    /// </summary>
    private void Cases(LocalDate day, string cause, string product, int count, int late)
    {
        for (var i = 0; i < count; i++)
        {
            var id = $"C{_cases++:0000}";
            var acknowledged = i < late ? day.PlusDays(10) : day;
            _lines.Add($"{id},complaint_received,{day:yyyy-MM-dd}T09:00:00Z,,{product}");
            _lines.Add($"{id},acknowledged,{acknowledged:yyyy-MM-dd}T10:00:00Z,,");
            _lines.Add($"{id},closed,{day.PlusDays(30):yyyy-MM-dd}T10:00:00Z,{cause},");
        }
    }
}
