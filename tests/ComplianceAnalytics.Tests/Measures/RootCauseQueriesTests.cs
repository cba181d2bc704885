namespace ComplianceAnalytics.Tests.Measures;

/// <summary>
/// The director pack's Root causes sheet and the recurring failures' main cause, on hand-worked cases.
/// Acknowledgement due in 2 business days. April: 3 "staffing" cases of product "loan" acknowledged
/// late, 1 "system" late, 1 on time. May: 2 "staffing" late (the cause given only after the stop), one
/// late case with no cause. Upheld complaints: of the April cases, the 3 staffing ones are closed
/// upheld (one in part) in April, the system one closed not upheld.
/// </summary>
public sealed class RootCauseQueriesTests : IDisposable
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

    public RootCauseQueriesTests()
    {
        string[] lines =
        [
            "A1,complaint_received,2026-04-06T09:00:00Z,staffing,loan,", "A1,acknowledged,2026-04-16T09:00:00Z,,,", "A1,closed,2026-04-20T09:00:00Z,,,upheld",
            "A2,complaint_received,2026-04-06T09:00:00Z,staffing,loan,", "A2,acknowledged,2026-04-16T09:00:00Z,,,", "A2,closed,2026-04-20T09:00:00Z,,,partially_upheld",
            "A3,complaint_received,2026-04-06T09:00:00Z,staffing,loan,", "A3,acknowledged,2026-04-16T09:00:00Z,,,", "A3,closed,2026-04-20T09:00:00Z,,,upheld",
            "A4,complaint_received,2026-04-06T09:00:00Z,system,card,", "A4,acknowledged,2026-04-16T09:00:00Z,,,", "A4,closed,2026-04-20T09:00:00Z,,,not_upheld",
            "A5,complaint_received,2026-04-06T09:00:00Z,system,card,", "A5,acknowledged,2026-04-06T10:00:00Z,,,",
            "M1,complaint_received,2026-05-04T09:00:00Z,,loan,", "M1,acknowledged,2026-05-14T09:00:00Z,,,", "M1,info_received,2026-05-20T09:00:00Z,staffing,,",
            "M2,complaint_received,2026-05-04T09:00:00Z,,loan,", "M2,acknowledged,2026-05-14T09:00:00Z,,,", "M2,info_received,2026-05-20T09:00:00Z,staffing,,",
            "M3,complaint_received,2026-05-04T09:00:00Z,,,", "M3,acknowledged,2026-05-14T09:00:00Z,,,",
        ];
        _scenario.Load("acme", "case_ref,event_type,occurred_at,root_cause,product,outcome", lines);
    }

    public void Dispose() => _scenario.Dispose();

    [Fact]
    public void Breaches_and_upheld_complaints_by_root_cause_and_product_month_on_month()
    {
        var table = _scenario.Table("director_root_causes", "2026-05");
        var columns = table.Columns.ToList();
        var rows = table.Rows.ToDictionary(
            r => ((string)r[columns.IndexOf("counted")]!, (string)r[columns.IndexOf("dimension")]!, (string)r[columns.IndexOf("value")]!),
            r => (Rank: r[columns.IndexOf("rank")], April: r[columns.IndexOf("2026-04")], May: r[columns.IndexOf("2026-05")], Total: r[columns.IndexOf("total")], Share: (double)r[columns.IndexOf("share")]!));

        Assert.Equal((1L, 3L, 2L, 5L), Tuple(rows[("breaches", "root cause", "staffing")]));
        Assert.Equal(5.0 / 7, rows[("breaches", "root cause", "staffing")].Share, 6);
        Assert.Equal((2L, 0L, 1L, 1L), Tuple(rows[("breaches", "root cause", "(not stated)")]));
        Assert.Equal((3L, 1L, 0L, 1L), Tuple(rows[("breaches", "root cause", "system")]));
        Assert.Equal((1L, 3L, 2L, 5L), Tuple(rows[("breaches", "product", "loan")]));
        Assert.Equal((1L, 3L, 0L, 3L), Tuple(rows[("upheld complaints", "root cause", "staffing")]));
        Assert.Equal(1.0, rows[("upheld complaints", "product", "loan")].Share);
        Assert.DoesNotContain(("upheld complaints", "root cause", "system"), rows.Keys); // not upheld
        Assert.Equal(12, columns.Count(c => System.Text.RegularExpressions.Regex.IsMatch(c, @"^\d{4}-\d{2}$")));
    }

    private static (object?, object?, object?, object?) Tuple((object? Rank, object? April, object? May, object? Total, double Share) r) =>
        (r.Rank, r.April, r.May, r.Total);
}
