using System.Text.Json;
using ComplianceAnalytics.Clocks;
using ComplianceAnalytics.Measures;
using ComplianceAnalytics.Tests.Policies;
using ComplianceAnalytics.Tests.Publishing;
using NodaTime;

namespace ComplianceAnalytics.Tests.Clocks;

/// <summary>
/// <c>compliance explain</c> against <c>compliance export</c> on the committed sample: the same instances with
/// the same figures in the same forms, for every instance of every case, and nothing personal in it.
/// </summary>
public sealed class CaseExplanationTests(SamplePacks sample) : IClassFixture<SamplePacks>
{
    private static readonly Instant AsOf = Instant.FromUtc(2026, 8, 15, 12, 0);

    [Fact]
    public void Explain_json_agrees_with_stage_instances_csv_for_every_instance()
    {
        var dir = Path.Combine(sample.Root, "export-" + Guid.NewGuid().ToString("N"));
        StageInstanceExport.WriteCsv(sample.Workspace.Store, sample.Workspace.Policies, AsOf, dir);
        var lines = File.ReadAllLines(Path.Combine(dir, "stage_instances.csv"));
        Assert.Equal(StageInstanceExport.Header, lines[0]);
        // No field of the sample's instances is quoted: splitting on commas reads them exactly.
        var expected = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.True(expected.Count > 1000);

        var compared = 0;
        foreach (var caseRows in expected.GroupBy(r => (Org: r[0], Case: r[1])))
        {
            var json = CaseExplanation.Explain(sample.Workspace.Store, sample.Workspace.Policies, caseRows.Key.Org, caseRows.Key.Case, AsOf, ReportTexts.English)
                .ToJson(s => CsvOutput.Format(s));
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            Assert.Equal(caseRows.Key.Org, root.GetProperty("org").GetString());
            Assert.Equal(caseRows.Key.Case, root.GetProperty("case_ref").GetString());
            var stages = root.GetProperty("stages").EnumerateArray().ToList();
            Assert.Equal(caseRows.Count(), stages.Count);
            foreach (var (row, stage) in caseRows.Zip(stages))
            {
                string[] actual =
                [
                    caseRows.Key.Org, caseRows.Key.Case, stage.GetProperty("stage").GetString()!, stage.GetProperty("cycle").GetRawText(),
                    stage.GetProperty("started_at").GetString()!, stage.GetProperty("original_due_at").GetString()!,
                    stage.GetProperty("due_at").GetString()!, stage.GetProperty("stopped_at").GetString() ?? string.Empty,
                    stage.GetProperty("status").GetString()!, stage.GetProperty("paused_seconds").GetRawText(),
                    stage.GetProperty("extended").GetRawText(), stage.GetProperty("limit").GetString()!,
                ];
                Assert.Equal(row, actual);
                // English for every firm, Hexpress's (language: sv) too: explain --json is machine-readable (docs/explain.md).
                Assert.Matches("^(Met|Breached|Open)[^.]+ (on|at) [A-Z][a-z]{2} \\d{1,2} [A-Z][a-z]{2} \\d{4}.*\\.$", stage.GetProperty("why").GetString());
                Assert.NotEmpty(stage.GetProperty("steps").EnumerateArray());
                compared++;
            }
        }

        Assert.Equal(expected.Count, compared);
    }

    [Fact]
    public void Explain_shows_events_with_file_and_line_and_no_personal_field()
    {
        var (org, caseRef) = FirstCase();
        var explanation = CaseExplanation.Explain(sample.Workspace.Store, sample.Workspace.Policies, org, caseRef, AsOf, ReportTexts.English);
        using var document = JsonDocument.Parse(explanation.ToJson(s => CsvOutput.Format(s)));

        var events = document.RootElement.GetProperty("events").EnumerateArray().ToList();
        Assert.NotEmpty(events);
        foreach (var e in events)
        {
            Assert.Equal(["occurred_at", "event_type", "file", "line"], e.EnumerateObject().Select(p => p.Name));
            Assert.EndsWith(".csv", e.GetProperty("file").GetString(), StringComparison.Ordinal);
            Assert.True(e.GetProperty("line").GetInt64() > 1);
        }

        var text = explanation.ToText();
        Assert.Contains($"Case {caseRef} of ", text, StringComparison.Ordinal);
        Assert.Contains("  Why: ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("@", text, StringComparison.Ordinal);
        // The customer's name as the jpdit exports give it (fourth column, before any quoted field).
        var names = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "sample-data", "exports"), "jpdit-*.csv")
            .SelectMany(File.ReadLines)
            .Where(l => l.Contains($",{caseRef},", StringComparison.Ordinal))
            .Select(l => l.Split(',')[3])
            .Where(n => n.Length > 0)
            .ToList();
        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.DoesNotContain(n, text + explanation.ToJson(s => CsvOutput.Format(s)), StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_case_is_an_error_naming_it()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            CaseExplanation.Explain(sample.Workspace.Store, sample.Workspace.Policies, "jpdit", "NO-SUCH-CASE", AsOf, ReportTexts.English));

        Assert.Contains("'NO-SUCH-CASE'", error.Message, StringComparison.Ordinal);
    }

    private (string Org, string CaseRef) FirstCase()
    {
        using var reader = sample.Workspace.Store.Connection.Query(
            "SELECT org, case_ref FROM events WHERE org = 'jpdit' ORDER BY case_ref LIMIT 1");
        Assert.True(reader.Read());
        return (reader.GetString(0), reader.GetString(1));
    }
}
