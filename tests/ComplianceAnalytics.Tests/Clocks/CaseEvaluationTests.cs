using ComplianceAnalytics.Clocks;
using ComplianceAnalytics.Measures;
using ComplianceAnalytics.Tests.Ingestion;
using NodaTime;

namespace ComplianceAnalytics.Tests.Clocks;

/// <summary>
/// The evaluation over the store: cases are read and evaluated on a second connection and appended on
/// the store's, so these check which cases it takes and that nothing is lost or doubled on the way.
/// </summary>
public sealed class CaseEvaluationTests
{
    private static readonly Instant AsOf = Instant.FromUtc(2026, 4, 1, 0, 0);

    private const string InstancesSql = """
        SELECT case_ref || ' ' || stage || ' ' || cycle || ' ' || status FROM case_stage_instances ORDER BY ALL
        """;

    [Fact]
    public void Refreshing_the_cases_of_some_files_replaces_only_their_instances()
    {
        using var fixture = new IngestFixture();
        var first = fixture.Csv("a.csv",
            "bluehat,C1,complaint_received,2026-03-02T09:00:00Z",
            "bluehat,C2,complaint_received,2026-03-02T09:00:00Z");
        var evaluation = new CaseEvaluation(fixture.Store, fixture.Policies, ReportTexts.For);
        // The first refresh evaluates every case of every organisation: none has a fingerprint yet.
        Assert.Equal(2, evaluation.RefreshStored([first.FileId]).Cases);
        var second = fixture.Csv("b.csv",
            "bluehat,C2,acknowledged,2026-03-02T10:00:00Z",
            "bluehat,C3,complaint_received,2026-03-03T09:00:00Z");

        var touched = evaluation.RefreshStored([second.FileId]);

        // C2 and C3 have events in b.csv; C1 does not and is not evaluated again.
        Assert.Equal(2, touched.Cases);
        Assert.Equal(["C1", "C2", "C3"], fixture.Strings("SELECT DISTINCT case_ref FROM case_stage_instances ORDER BY 1"));
        Assert.Equal(["C1", "C2", "C3"], fixture.Strings("SELECT case_ref FROM evaluated_cases ORDER BY 1"));
        var incremental = fixture.Strings(InstancesSql);
        var all = evaluation.RefreshStored(null);

        Assert.Equal(3, all.Cases);
        Assert.Equal(incremental, fixture.Strings(InstancesSql));
        Assert.Equal(all.Instances, fixture.Count("SELECT count(*) FROM case_stage_instances"));
    }

    [Fact]
    public void Evaluating_every_case_appends_each_case_once_across_many_batches()
    {
        using var fixture = new IngestFixture();
        // More cases than one batch handed between the reading and the appending connection holds.
        const int Cases = 2_500;
        fixture.Csv("many.csv", [.. Enumerable.Range(0, Cases).Select(i => $"bluehat,C{i:D5},complaint_received,2026-03-02T09:00:00Z")]);

        var summary = new CaseEvaluation(fixture.Store, fixture.Policies, ReportTexts.For).EvaluateAll(_ => AsOf);

        Assert.Equal(Cases, summary.Cases);
        Assert.Equal(Cases, fixture.Count("SELECT count(DISTINCT case_ref) FROM eval_stage_instances"));
        Assert.Equal(summary.Instances, fixture.Count("SELECT count(*) FROM eval_stage_instances"));
        Assert.Equal(0, fixture.Count("SELECT count(*) FROM (SELECT case_ref, stage, cycle FROM eval_stage_instances GROUP BY ALL HAVING count(*) > 1)"));
    }
}
