using ComplianceAnalytics.Clocks;
using ComplianceAnalytics.Store;
using ComplianceAnalytics.Tests.Ingestion;
using NodaTime;

namespace ComplianceAnalytics.Tests.Store;

/// <summary>A store written before stage instances kept their applied limit gains the column when it is opened.</summary>
public sealed class SchemaUpgradeTests
{
    [Fact]
    public void A_store_without_the_applied_limit_column_gets_it_and_evaluates_into_it()
    {
        var path = Path.Combine(Path.GetTempPath(), "schema-" + Guid.NewGuid().ToString("N") + ".duckdb");
        try
        {
            using (var old = ComplianceStore.Open(path))
            {
                // As the store was before dated limits: the table ended at evaluated_at.
                old.Connection.Execute("ALTER TABLE stage_instances DROP COLUMN applied_limit");
            }

            using var fixture = new IngestFixture();
            using var store = ComplianceStore.Open(path);
            store.Connection.Execute("""
                INSERT INTO events (org, case_ref, event_type, occurred_at, file_id, line, identity)
                VALUES ('bluehat', 'C1', 'complaint_received', TIMESTAMPTZ '2026-03-02 09:00:00+00', 1, 2, 1)
                """);

            new CaseEvaluation(store, fixture.Policies).RefreshStored(null);

            Assert.Equal("24 hours", store.Connection.Scalar<string>("SELECT applied_limit FROM stage_instances WHERE stage = 'acknowledgement'"));
        }
        finally
        {
            File.Delete(path);
            File.Delete(path + ".wal");
        }
    }
}
