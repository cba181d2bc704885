using ComplianceAnalytics.Clocks;
using ComplianceAnalytics.Measures;
using ComplianceAnalytics.Store;
using ComplianceAnalytics.Tests.Ingestion;
using NodaTime;

namespace ComplianceAnalytics.Tests.Store;

/// <summary>
/// A store written before the evaluation was kept (docs/evaluation.md) had stage_instances, which only
/// retention read: it is dropped when the store is opened, and every case evaluated into case_stage_instances.
/// </summary>
public sealed class SchemaUpgradeTests
{
    [Fact]
    public void A_store_with_the_old_stage_instances_drops_them_and_evaluates_every_case()
    {
        var path = Path.Combine(Path.GetTempPath(), "schema-" + Guid.NewGuid().ToString("N") + ".duckdb");
        try
        {
            using (var old = ComplianceStore.Open(path))
            {
                old.Connection.Execute("""
                    CREATE TABLE stage_instances (
                        org VARCHAR, case_ref VARCHAR, stage VARCHAR, cycle INTEGER, started_at TIMESTAMPTZ, original_due_at TIMESTAMPTZ,
                        due_at TIMESTAMPTZ, stopped_at TIMESTAMPTZ, status VARCHAR, paused_seconds DOUBLE, extended BOOLEAN, evaluated_at TIMESTAMPTZ);
                    INSERT INTO events (org, case_ref, event_type, occurred_at, file_id, line, identity)
                    VALUES ('bluehat', 'C1', 'complaint_received', TIMESTAMPTZ '2026-03-02 09:00:00+00', 1, 2, 1);
                    """);
            }

            using var fixture = new IngestFixture();
            using var store = ComplianceStore.Open(path);
            Assert.Equal(0, store.Connection.Scalar<long>("SELECT count(*) FROM information_schema.tables WHERE table_name = 'stage_instances'"));

            var summary = new CaseEvaluation(store, fixture.Policies, ReportTexts.For).EvaluateAll(_ => Instant.FromUtc(2026, 4, 1, 0, 0));

            Assert.Equal(1, summary.Cases);
            Assert.Equal("24 hours", store.Connection.Scalar<string>("SELECT applied_limit FROM case_stage_instances WHERE stage = 'acknowledgement'"));
            Assert.Equal("open_breached", store.Connection.Scalar<string>("SELECT status FROM eval_stage_instances WHERE stage = 'acknowledgement'"));
        }
        finally
        {
            File.Delete(path);
            File.Delete(path + ".wal");
        }
    }
}
