using ComplianceAnalytics.Hosting;
using ComplianceAnalytics.Ingestion;
using NodaTime;

namespace ComplianceAnalytics.Tests.Hosting;

public class DropFolderTests
{
    [Fact]
    public async Task A_dropped_file_is_ingested_once()
    {
        using var fixture = new HostingFixture();
        fixture.Drop("jpdit-a.csv", new LocalDate(2026, 11, 2), cases: 3);

        var first = await fixture.IngestAsync();
        var second = await fixture.IngestAsync();

        Assert.Equal(RunOutcomes.Succeeded, first.Outcome);
        Assert.Contains("1 loaded", first.Detail, StringComparison.Ordinal);
        Assert.Contains("1 unchanged since last offered", second.Detail, StringComparison.Ordinal);
        Assert.Equal(1, fixture.Scalar("SELECT count(*) FROM ingest_files"));
        Assert.Equal(6, fixture.Scalar("SELECT count(*) FROM events"));
        Assert.Equal(2, fixture.Scalar("SELECT count(*) FROM run_log WHERE job = 'ingest' AND outcome = 'succeeded'"));
    }

    [Fact]
    public async Task The_same_bytes_under_another_name_are_a_duplicate_file()
    {
        using var fixture = new HostingFixture();
        fixture.Drop("jpdit-a.csv", new LocalDate(2026, 11, 2), cases: 2);
        await fixture.IngestAsync();
        fixture.Drop("jpdit-a-copy.csv", new LocalDate(2026, 11, 2), cases: 2);

        await fixture.IngestAsync();

        Assert.Equal(1, fixture.Scalar("SELECT count(*) FROM ingest_files WHERE status = $1", FileStatuses.SkippedDuplicateFile));
        Assert.Equal(4, fixture.Scalar("SELECT count(*) FROM events"));
    }

    [Fact]
    public async Task A_file_still_being_written_waits_until_it_is_stable()
    {
        using var fixture = new HostingFixture();
        var path = fixture.Drop("jpdit-growing.csv", new LocalDate(2026, 11, 3), cases: 2, old: false);
        fixture.Clock.Now = Instant.FromDateTimeUtc(File.GetLastWriteTimeUtc(path)) + Duration.FromSeconds(5);

        var early = await fixture.IngestAsync();
        File.AppendAllText(path, "jpdit,C-9,complaint_received,2026-11-03 11:00:00,C-9-1\n");
        fixture.Clock.Now = Instant.FromDateTimeUtc(File.GetLastWriteTimeUtc(path)) + Duration.FromSeconds(10);
        var stillGrowing = await fixture.IngestAsync();
        fixture.Clock.Now += Duration.FromSeconds(30);
        var stable = await fixture.IngestAsync();

        Assert.Contains("1 still changing", early.Detail, StringComparison.Ordinal);
        Assert.Contains("1 still changing", stillGrowing.Detail, StringComparison.Ordinal);
        Assert.Contains("1 loaded", stable.Detail, StringComparison.Ordinal);
        Assert.Equal(5, fixture.Scalar("SELECT count(*) FROM events"));
        Assert.Equal(1, fixture.Scalar("SELECT count(*) FROM ingest_files"));
    }

    [Fact]
    public async Task A_ready_marker_makes_a_fresh_file_ingestible_and_is_not_ingested_itself()
    {
        using var fixture = new HostingFixture();
        var path = fixture.Drop("jpdit-marked.csv", new LocalDate(2026, 11, 4), cases: 2, old: false);
        fixture.Clock.Now = Instant.FromDateTimeUtc(File.GetLastWriteTimeUtc(path));
        var before = await fixture.IngestAsync();
        File.WriteAllText(path + ".ready", string.Empty);

        var after = await fixture.IngestAsync();

        Assert.Contains("0 loaded", before.Detail, StringComparison.Ordinal);
        Assert.Contains("1 loaded", after.Detail, StringComparison.Ordinal);
        Assert.Equal(1, fixture.Scalar("SELECT count(*) FROM ingest_files"));
    }

    [Fact]
    public async Task Run_once_takes_every_file_whether_stable_or_not()
    {
        using var fixture = new HostingFixture();
        fixture.Drop("jpdit-fresh.csv", new LocalDate(2026, 11, 4), cases: 2, old: false);

        var run = await fixture.IngestAsync(onlyStable: false);

        Assert.Contains("1 loaded", run.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopping_mid_ingest_leaves_every_file_wholly_in_the_ledger_or_absent()
    {
        using var cancel = new CancellationTokenSource();
        using var fixture = new HostingFixture(onEvent: e =>
        {
            // Stop as soon as the first file is in: the next check between files sees it.
            if (e.Id == 110)
            {
                cancel.Cancel();
            }
        });
        for (var i = 0; i < 4; i++)
        {
            fixture.Drop($"jpdit-{i}.csv", new LocalDate(2026, 11, 5 + i), cases: 3, prefix: $"F{i}");
        }

        var run = await fixture.IngestAsync(cancellationToken: cancel.Token);

        Assert.Equal(RunOutcomes.Cancelled, run.Outcome);
        Assert.Equal(1, fixture.Scalar("SELECT count(*) FROM ingest_files"));
        Assert.Equal(0, fixture.Scalar("""
            SELECT count(*) FROM ingest_files f
            WHERE rows_loaded <> (SELECT count(*) FROM events e WHERE e.file_id = f.file_id)
            """));
        Assert.Equal(0, fixture.Scalar("SELECT count(*) FROM events WHERE file_id NOT IN (SELECT file_id FROM ingest_files)"));
        Assert.Equal(1, fixture.Scalar("SELECT count(*) FROM run_log WHERE outcome = 'cancelled' AND detail LIKE '%1 loaded%'"));

        // The files it did not reach are taken by the next run.
        var next = await fixture.IngestAsync();
        Assert.Contains("3 loaded", next.Detail, StringComparison.Ordinal);
        Assert.Equal(24, fixture.Scalar("SELECT count(*) FROM events"));
    }
}
