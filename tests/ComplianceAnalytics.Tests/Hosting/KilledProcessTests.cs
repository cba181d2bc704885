using ComplianceAnalytics.Ingestion;
using NodaTime;

namespace ComplianceAnalytics.Tests.Hosting;

[Collection(RunAloneTests.Name)]
public class KilledProcessTests
{
    [Fact]
    public async Task A_process_killed_mid_file_leaves_the_store_as_if_the_file_had_not_started_and_the_next_run_loads_it_once()
    {
        using var fixture = new HostingFixture();
        var day = new LocalDate(2026, 11, 2);
        fixture.Drop("a-small.csv", day, cases: 3, prefix: "A");

        // 200,000 rows: seconds of work, read while the small file commits, so a kill as soon as the
        // small file is done lands inside it.
        fixture.Drop("b-big.csv", day, cases: 100_000, prefix: "B");

        var lines = new List<string>();
        var smallFileDone = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (var child = ComplianceProcess.Start(fixture.Root, ["ingest", fixture.DropFolder, "--db", fixture.Database, "--json"]))
        {
            child.OutputDataReceived += (_, e) =>
            {
                if (e.Data is { } line)
                {
                    lock (lines)
                    {
                        lines.Add(line);
                    }

                    smallFileDone.TrySetResult(line);
                }
            };
            child.BeginOutputReadLine();
            var stderr = child.StandardError.ReadToEndAsync();
            var first = await smallFileDone.Task.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Contains("a-small.csv", first, StringComparison.Ordinal);
            Assert.Contains("\"status\":\"loaded\"", first, StringComparison.Ordinal);

            child.Kill(entireProcessTree: true);
            Assert.True(await ComplianceProcess.ExitsWithin(child, TimeSpan.FromSeconds(30)));
            Assert.Empty(await stderr);

            // Killed before it had finished the big file.
            Assert.Equal([first], lines);
        }

        // Opening the store replays what was committed: the small file whole, nothing of the big one.
        Assert.Equal(1, fixture.Scalar("SELECT count(*) FROM ingest_files"));
        Assert.Equal(1, fixture.Scalar("SELECT count(*) FROM ingest_files WHERE file_name = 'a-small.csv' AND status = 'loaded' AND rows_loaded = 6"));
        Assert.Equal(6, fixture.Scalar("SELECT count(*) FROM events"));
        Assert.Equal(0, fixture.Scalar("SELECT count(*) FROM events WHERE case_ref LIKE 'B-%'"));
        Assert.Equal(0, fixture.Scalar("SELECT count(*) FROM rejected_rows"));
        Assert.Equal(0, fixture.Scalar("SELECT count(*) FROM duplicate_rows"));

        var next = await fixture.IngestAsync(onlyStable: false);

        Assert.Contains("files: 1 loaded, 1 skipped_duplicate_file, 0 quarantined", next.Detail, StringComparison.Ordinal);
        Assert.Equal(6 + 200_000, fixture.Scalar("SELECT count(*) FROM events"));
        Assert.Equal(200_000, fixture.Scalar("SELECT count(DISTINCT identity) FROM events WHERE case_ref LIKE 'B-%'"));
        Assert.Equal(1, fixture.Scalar("SELECT count(*) FROM ingest_files WHERE file_name = 'b-big.csv' AND status = $1", FileStatuses.Loaded));
        Assert.Equal(0, fixture.Scalar("SELECT count(*) FROM duplicate_rows"));
        Assert.Equal(0, fixture.Scalar("""
            SELECT count(*) FROM ingest_files f
            WHERE rows_loaded <> (SELECT count(*) FROM events e WHERE e.file_id = f.file_id)
            """));
    }
}
