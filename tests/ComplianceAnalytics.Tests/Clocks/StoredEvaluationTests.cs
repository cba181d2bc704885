using System.Globalization;
using ComplianceAnalytics.Clocks;
using ComplianceAnalytics.Measures;
using ComplianceAnalytics.Policies;
using ComplianceAnalytics.Tests.Ingestion;
using NodaTime;

namespace ComplianceAnalytics.Tests.Clocks;

/// <summary>
/// The stored evaluation (docs/evaluation.md) against a fresh one: what an as-of reads (stored rows of settled
/// cases, the rest evaluated afresh) must equal <see cref="CaseExplanation"/>, which evaluates each case from its
/// events at that as-of, after every change that must invalidate stored rows.
/// </summary>
public sealed class StoredEvaluationTests : IDisposable
{
    private readonly IngestFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    private static Instant At(string text) => NodaTime.Text.InstantPattern.ExtendedIso.Parse(text).Value;

    [Fact]
    public void A_new_event_of_a_settled_case_is_evaluated_again()
    {
        _fixture.Csv("a.csv",
            "hexpress,C1,complaint_received,2026-03-02T09:00:00Z",
            "hexpress,C1,response_issued,2026-03-04T09:00:00Z",
            "hexpress,C2,complaint_received,2026-03-02T09:00:00Z",
            "hexpress,C2,response_issued,2026-03-05T09:00:00Z");
        var asOf = At("2026-05-01T00:00:00Z");
        AssertEqualsFresh(_fixture.Policies, asOf);
        Assert.NotNull(_fixture.Store.Connection.Scalar<DateTime?>("SELECT settled_from FROM evaluated_cases WHERE case_ref = 'C1'"));

        // A second complaint on C1 opens a second cycle of every stage: its stored rows said it was settled.
        _fixture.Csv("b.csv", "hexpress,C1,complaint_received,2026-03-20T09:00:00Z");

        AssertEqualsFresh(_fixture.Policies, asOf);
        Assert.Equal(2, _fixture.Count("SELECT max(cycle) FROM eval_stage_instances WHERE case_ref = 'C1'"));
        Assert.Null(_fixture.Store.Connection.Scalar<DateTime?>("SELECT settled_from FROM evaluated_cases WHERE case_ref = 'C1'"));
    }

    [Fact]
    public void A_changed_limit_evaluates_the_organisation_again()
    {
        // Answered on the 6th working day: breached under 5 business days, met under 10.
        _fixture.Csv("a.csv",
            "hexpress,C1,complaint_received,2026-03-02T09:00:00Z",
            "hexpress,C1,response_issued,2026-03-10T09:00:00Z");
        var asOf = At("2026-05-01T00:00:00Z");
        AssertEqualsFresh(_fixture.Policies, asOf);
        Assert.Equal("breached", Status("C1", "step_1"));

        var changed = Change(_fixture.Policies, p => p with
        {
            Stages = [.. p.Stages.Select(s => s.Id == "step_1" ? s with { Limit = TimeLimit.Parse("10 business_days") } : s)],
        });

        AssertEqualsFresh(changed, asOf);
        Assert.Equal("met", Status("C1", "step_1"));
    }

    [Fact]
    public void A_changed_calendar_evaluates_the_organisation_again()
    {
        _fixture.Csv("a.csv",
            "hexpress,C1,complaint_received,2026-03-02T09:00:00Z",
            "hexpress,C1,response_issued,2026-03-10T09:00:00Z");
        var asOf = At("2026-05-01T00:00:00Z");
        AssertEqualsFresh(_fixture.Policies, asOf);
        Assert.Equal("breached", Status("C1", "step_1"));

        // Two more holidays in the week of the complaint move the due date past the answer.
        var changed = Change(_fixture.Policies, p => p with
        {
            Calendar = new BusinessCalendar(p.Calendar.WorkingDays, p.Calendar.Holidays.Concat([new LocalDate(2026, 3, 3), new LocalDate(2026, 3, 4)])),
        });

        AssertEqualsFresh(changed, asOf);
        Assert.Equal("met", Status("C1", "step_1"));
    }

    [Fact]
    public void A_changed_language_evaluates_the_organisation_again_with_its_reasons_in_it()
    {
        _fixture.Csv("a.csv",
            "hexpress,C1,complaint_received,2026-03-02T09:00:00Z",
            "hexpress,C1,response_issued,2026-03-10T09:00:00Z");
        var asOf = At("2026-05-01T00:00:00Z");
        AssertEqualsFresh(_fixture.Policies, asOf);
        Assert.StartsWith("Överskriden: svar skickat tis 10 mars 2026, ", LocalWhy("C1", "step_1"), StringComparison.Ordinal);

        // The same events under language: en: only the English why, no local one left from before.
        AssertEqualsFresh(Change(_fixture.Policies, p => p with { Language = "en" }), asOf);
        Assert.Null(LocalWhy("C1", "step_1"));
    }

    private string? LocalWhy(string caseRef, string stage) =>
        _fixture.Store.Connection.Scalar<string>(
            "SELECT why_local FROM case_stage_instances WHERE case_ref = $1 AND stage = $2 AND cycle = 1", caseRef, stage);

    [Fact]
    public void An_as_of_inside_an_instance_evaluates_the_case_at_it()
    {
        _fixture.Csv("a.csv",
            "hexpress,C1,complaint_received,2026-03-02T09:00:00Z",
            "hexpress,C1,response_issued,2026-03-20T09:00:00Z",
            "hexpress,C2,complaint_received,2026-03-02T09:00:00Z");
        // Stored first with all the events: C1 settled (breached), C2 open.
        AssertEqualsFresh(_fixture.Policies, At("2026-05-01T00:00:00Z"));
        Assert.Equal("breached", Status("C1", "step_1"));

        AssertEqualsFresh(_fixture.Policies, At("2026-03-05T00:00:00Z"));
        Assert.Equal("open_within", Status("C1", "step_1"));
        Assert.Equal("open_within", Status("C2", "step_1"));

        AssertEqualsFresh(_fixture.Policies, At("2026-03-12T00:00:00Z"), eventsBeforeAsOf: true);
        Assert.Equal("open_breached", Status("C1", "step_1"));
    }

    [Fact]
    public void An_as_of_inside_a_pause_evaluates_the_case_at_it()
    {
        _fixture.Csv("a.csv",
            "hexpress,C1,complaint_received,2026-03-02T09:00:00Z",
            "hexpress,C1,info_requested,2026-03-03T10:00:00Z",
            "hexpress,C1,info_received,2026-03-16T10:00:00Z",
            "hexpress,C1,response_issued,2026-03-18T10:00:00Z");
        AssertEqualsFresh(_fixture.Policies, At("2026-05-01T00:00:00Z"));
        Assert.Equal("met", Status("C1", "step_1"));

        // Inside the pause: open and within its limit, with the pause so far counted.
        AssertEqualsFresh(_fixture.Policies, At("2026-03-10T00:00:00Z"));
        Assert.Equal("open_within", Status("C1", "step_1"));
        Assert.True(_fixture.Store.Connection.Scalar<double>("SELECT paused_seconds FROM eval_stage_instances WHERE case_ref = 'C1' AND stage = 'step_1'") > 0);
    }

    private static PolicySet Change(PolicySet policies, Func<Policy, Policy> change) =>
        new(policies.All.Select(p => p.Org == "hexpress" ? change(p) : p), []);

    private string Status(string caseRef, string stage) =>
        _fixture.Store.Connection.Scalar<string>(
            "SELECT status FROM eval_stage_instances WHERE case_ref = $1 AND stage = $2 AND cycle = 1", caseRef, stage)!;

    /// <summary>Evaluates at <paramref name="asOf"/> through the store and asserts every instance and reason equals a fresh evaluation.</summary>
    private void AssertEqualsFresh(PolicySet policies, Instant asOf, bool eventsBeforeAsOf = false)
    {
        new CaseEvaluation(_fixture.Store, policies, ReportTexts.For).EvaluateAll(_ => asOf, eventsBeforeAsOf);

        var expected = new List<string>();
        var cases = new List<(string Org, string CaseRef)>();
        using (var reader = _fixture.Store.Connection.Query(
            "SELECT org, case_ref FROM events GROUP BY ALL HAVING min(occurred_at) < $1 ORDER BY ALL", Timestamp(asOf)))
        {
            while (reader.Read())
            {
                cases.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (org, caseRef) in cases)
        {
            foreach (var s in CaseExplanation.Explain(_fixture.Store, policies, org, caseRef, asOf, ReportTexts.English, eventsBeforeAsOf).Stages)
            {
                var i = s.Instance;
                expected.Add(Line(i.Org, i.CaseRef, i.Stage, i.Cycle, Micros(i.StartedAt), Micros(i.OriginalDueAt), Micros(i.DueAt),
                    i.StoppedAt is { } stopped ? Micros(stopped) : null, StageStatusText.Of(i.Status), i.PausedSeconds, i.Extended, i.Limit.ToString(),
                    i.Status == StageStatus.Met ? null : s.Why,
                    i.Status == StageStatus.Met || !LocalLanguage(policies, org, out var language) ? null
                        : WhyText.Sentence(i, s.Trace, policies.Find(org)!, asOf, ReportTexts.For(language))));
            }
        }

        var actual = new List<string>();
        using (var reader = _fixture.Store.Connection.Query("""
            SELECT i.org, i.case_ref, i.stage, i.cycle, epoch_us(i.started_at), epoch_us(i.original_due_at), epoch_us(i.due_at),
                   epoch_us(i.stopped_at), i.status, i.paused_seconds, i.extended, i.applied_limit, r.why, r.why_local
            FROM eval_stage_instances i
            LEFT JOIN eval_stage_reasons r USING (org, case_ref, stage, cycle)
            """))
        {
            while (reader.Read())
            {
                actual.Add(Line(reader.GetString(0), reader.GetString(1), reader.GetString(2), (int)reader.GetInt64(3), reader.GetInt64(4),
                    reader.GetInt64(5), reader.GetInt64(6), reader.IsNull(7) ? null : reader.GetInt64(7), reader.GetString(8), reader.GetDouble(9),
                    reader.GetBoolean(10), reader.GetString(11), reader.IsNull(12) ? null : reader.GetString(12), reader.IsNull(13) ? null : reader.GetString(13)));
            }
        }

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }

    private static string Line(
        string org, string caseRef, string stage, int cycle, long started, long originalDue, long due, long? stopped, string status,
        double paused, bool extended, string limit, string? why, string? whyLocal) =>
        string.Join('|', org, caseRef, stage, cycle.ToString(CultureInfo.InvariantCulture), started.ToString(CultureInfo.InvariantCulture),
            originalDue.ToString(CultureInfo.InvariantCulture), due.ToString(CultureInfo.InvariantCulture),
            stopped?.ToString(CultureInfo.InvariantCulture) ?? "-", status, paused.ToString("R", CultureInfo.InvariantCulture), extended ? "true" : "false",
            limit, why ?? "-", whyLocal ?? "-");

    /// <summary>The organisation's language when it is not English: its reasons are stored in it too (why_local).</summary>
    private static bool LocalLanguage(PolicySet policies, string org, out string language)
    {
        language = policies.Find(org)!.Language;
        return language != "en";
    }

    private static long Micros(Instant instant) => instant.ToUnixTimeTicks() / 10;

    private static string Timestamp(Instant instant) => NodaTime.Text.InstantPattern.ExtendedIso.Format(instant);
}
