using System.Text.Json;
using ComplianceAnalytics.Hosting;
using ComplianceAnalytics.Ingestion;
using ComplianceAnalytics.Policies;
using ComplianceAnalytics.Privacy;
using ComplianceAnalytics.Store;
using ComplianceAnalytics.Tests.Hosting;
using ComplianceAnalytics.Tests.Ingestion;
using ComplianceAnalytics.Tests.Policies;
using NodaTime;

namespace ComplianceAnalytics.Tests.Privacy;

/// <summary>
/// A store file with one case expired at 1 June 2026 (6 years: cut-off 1 June 2020), one case with
/// an old and a recent event, one recent case, and rejected rows of no case in an old and a recent file.
/// </summary>
public sealed class RetentionTests : IDisposable
{
    private const string Header = "org,case_ref,event_type,occurred_at,event_id";
    private static readonly Instant Now = Instant.FromUtc(2026, 6, 1, 12, 0);
    private static readonly Instant LongAgo = Instant.FromUtc(2019, 12, 1, 12, 0);
    private static readonly string[] Tables = ["events", "rejected_rows", "duplicate_rows", "case_stage_instances", "ingest_files", "purge_log"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "retention-" + Guid.NewGuid().ToString("N"));
    private readonly ComplianceStore _store;

    public RetentionTests()
    {
        Directory.CreateDirectory(_folder);
        _store = ComplianceStore.Open(Database);
        Ingest("old.csv", LongAgo, Header,
            "bluehat,OLDCASE-1,complaint_received,2019-03-04T09:00:00Z,o1",
            "bluehat,OLDCASE-1,acknowledged,2019-03-05T09:00:00Z,o2",
            "bluehat,OLDCASE-1,acknowledged,2019-03-05T09:00:00Z,o2",
            "bluehat,OLDCASE-1,bogus,2019-03-06T09:00:00Z,o3",
            "bluehat,MIXED-1,complaint_received,2019-03-04T09:00:00Z,m1",
            "bluehat,,complaint_received,2019-03-04T09:00:00Z,x1",
            "bluehat,NOEVENTS-1,bogus,2019-03-04T09:00:00Z,z1");
        Ingest("recent.csv", Now, Header,
            "bluehat,MIXED-1,acknowledged,2026-05-04T09:00:00Z,m2",
            "bluehat,RECENT-1,complaint_received,2026-05-04T09:00:00Z,r1",
            "bluehat,,complaint_received,2026-05-04T09:00:00Z,x2");
    }

    private string Database => Path.Combine(_folder, "store.duckdb");

    private Retention Retention => new(_store, new FixedClock(Now), retentionYears: 6);

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void A_dry_run_lists_the_expired_case_with_its_rows_in_every_table_and_changes_nothing()
    {
        var before = TableCounts();
        var preview = Retention.Preview();

        var expired = Assert.Single(preview.Cases);
        Assert.Equal(("bluehat", "OLDCASE-1"), (expired.Org, expired.CaseRef));
        Assert.Equal(Instant.FromUtc(2019, 3, 5, 9, 0), expired.LastEventAt);
        Assert.Equal((2L, 1L, 1L), (expired.Events, expired.RejectedRows, expired.DuplicateRows));
        Assert.True(expired.StageInstances > 0);
        Assert.Equal(2, preview.UnattachedRejectedRows);
        Assert.Equal(0, preview.UnattachedDuplicateRows);
        Assert.Equal(before, TableCounts());
        Assert.Equal(0, Count("SELECT count(*) FROM purge_log"));
    }

    [Fact]
    public void A_purge_removes_the_expired_case_from_every_table_and_nothing_else()
    {
        var preview = Retention.Preview();
        var keptInstances = Count("SELECT count(*) FROM case_stage_instances WHERE case_ref <> 'OLDCASE-1'");

        var purged = Retention.Purge();

        Assert.Equal(preview.Cases, purged.Cases);
        Assert.Equal((2L, 0L), (purged.UnattachedRejectedRows, purged.UnattachedDuplicateRows));
        foreach (var table in new[] { "events", "rejected_rows", "duplicate_rows", "case_stage_instances" })
        {
            Assert.Equal(0, Count($"SELECT count(*) FROM {table} WHERE case_ref = 'OLDCASE-1'"));
        }

        // The case with a recent event keeps its old event too, and its stage instances.
        Assert.Equal(["MIXED-1", "MIXED-1", "RECENT-1"], Strings("SELECT case_ref FROM events ORDER BY case_ref, occurred_at"));
        Assert.Equal(keptInstances, Count("SELECT count(*) FROM case_stage_instances"));

        // Rejected rows of no case: the old file's go, the recent file's stay.
        Assert.Equal(["recent.csv:missing_field"], Strings("SELECT f.file_name || ':' || r.reason FROM rejected_rows r JOIN ingest_files f USING (file_id)"));
        Assert.Equal(0, Count("SELECT count(*) FROM duplicate_rows"));
        Assert.Equal(2, Count("SELECT count(*) FROM ingest_files"));
    }

    [Fact]
    public void The_purge_log_holds_counts_and_case_references_only()
    {
        Retention.Purge();

        Assert.Equal(
            ["purged_at", "cutoff", "org", "case_ref", "last_event_at", "events_removed", "rejected_removed", "duplicates_removed", "instances_removed"],
            Strings("SELECT column_name FROM information_schema.columns WHERE table_name = 'purge_log' ORDER BY ordinal_position"));
        Assert.Equal(
            ["bluehat|OLDCASE-1|2026-06-01 12:00:00+00|2020-06-01 12:00:00+00|2019-03-05 09:00:00+00|2|1|1"],
            Strings("""
                SELECT concat_ws('|', org, case_ref, purged_at, cutoff, last_event_at, events_removed, rejected_removed, duplicates_removed)
                FROM purge_log
                """));
        Assert.Equal(1, Count("SELECT count(*) FROM purge_log WHERE instances_removed > 0"));

        // A second purge finds nothing more.
        Assert.Empty(Retention.Purge().Cases);
        Assert.Equal(1, Count("SELECT count(*) FROM purge_log"));
    }

    [Fact]
    public void A_purge_checkpoints_so_the_write_ahead_log_is_empty_afterwards()
    {
        var wal = new FileInfo(Database + ".wal");
        Assert.True(wal.Exists && wal.Length > 0);

        Retention.Purge();

        wal.Refresh();
        Assert.True(!wal.Exists || wal.Length == 0, "the WAL was not checkpointed");
    }

    [Fact]
    public async Task The_purge_verb_lists_with_dry_run_then_purges()
    {
        _store.Dispose();
        var root = Path.Combine(_folder, "host");
        Directory.CreateDirectory(root);

        // The verb runs on today's clock: cases from 2019 are past 6 years on any day from June 2025.
        var dry = await Purge(root, "--dry-run");
        using (var json = JsonDocument.Parse(dry))
        {
            Assert.True(json.RootElement.GetProperty("dry_run").GetBoolean());
            var cases = json.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("case_ref").GetString()).ToList();
            Assert.Contains("OLDCASE-1", cases);
            Assert.DoesNotContain("RECENT-1", cases);
        }

        using (var store = ComplianceStore.Open(Database))
        {
            Assert.Equal(2, store.Connection.Scalar<long>("SELECT count(*) FROM events WHERE case_ref = 'OLDCASE-1'"));
            Assert.Equal(0, store.Connection.Scalar<long>("SELECT count(*) FROM purge_log"));
        }

        using (var json = JsonDocument.Parse(await Purge(root)))
        {
            Assert.False(json.RootElement.GetProperty("dry_run").GetBoolean());
        }

        using (var store = ComplianceStore.Open(Database))
        {
            Assert.Equal(0, store.Connection.Scalar<long>("SELECT count(*) FROM events WHERE case_ref = 'OLDCASE-1'"));
            Assert.Equal(1, store.Connection.Scalar<long>("SELECT count(*) FROM purge_log WHERE case_ref = 'OLDCASE-1'"));
            Assert.Equal(1, store.Connection.Scalar<long>("SELECT count(*) FROM events WHERE case_ref = 'RECENT-1'"));
        }
    }

    private async Task<string> Purge(string root, params string[] options)
    {
        using var child = ComplianceProcess.Start(root, ["purge", "--db", Database, "--json", .. options]);
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        Assert.True(await ComplianceProcess.ExitsWithin(child, TimeSpan.FromSeconds(60)));
        Assert.True(child.ExitCode == 0, await stderr);
        return await stdout;
    }

    private void Ingest(string name, Instant at, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        var policies = PolicyLoader.LoadOrThrow(RepositoryPaths.Policies);
        var run = new ExportIngestion(_store, policies, [], new Pseudonymiser(IngestFixture.Key), new FixedClock(at)).Ingest([path]);
        Assert.Equal(FileStatuses.Loaded, Assert.Single(run.Files).Status);
    }

    private Dictionary<string, long> TableCounts() =>
        Tables.ToDictionary(t => t, t => Count($"SELECT count(*) FROM {t}"), StringComparer.Ordinal);

    private long Count(string sql) => _store.Connection.Scalar<long>(sql);

    private List<string> Strings(string sql)
    {
        var list = new List<string>();
        using var reader = _store.Connection.Query(sql);
        while (reader.Read())
        {
            list.Add(reader.GetString(0));
        }

        return list;
    }
}
