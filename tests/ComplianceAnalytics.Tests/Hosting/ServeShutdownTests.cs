using System.Text;
using ComplianceAnalytics.Hosting;
using NodaTime;

namespace ComplianceAnalytics.Tests.Hosting;

[Collection(RunAloneTests.Name)]
public class ServeShutdownTests
{
    [Fact]
    public async Task Sigterm_stops_serve_within_20_seconds_and_the_ingest_it_interrupts_leaves_whole_files()
    {
        using var fixture = new HostingFixture();
        // Enough files that the stop lands in the middle of the run: they are read ahead of their commits.
        const int Files = 12;
        for (var i = 0; i < Files; i++)
        {
            fixture.Drop($"jpdit-{i}.csv", new LocalDate(2026, 11, 2 + i), cases: 12_000, prefix: $"F{i}");
        }

        var log = new StringBuilder();
        var fileIngested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (var serve = ComplianceProcess.Start(fixture.Root, ["serve"]))
        {
            serve.ErrorDataReceived += (_, e) =>
            {
                lock (log)
                {
                    log.AppendLine(e.Data);
                }

                if (e.Data?.Contains("Ingested ", StringComparison.Ordinal) == true)
                {
                    fileIngested.TrySetResult();
                }
            };
            serve.BeginErrorReadLine();
            var stdout = serve.StandardOutput.ReadToEndAsync();

            // The ingest job runs as the host starts; stop the host once it has finished a file, so
            // that it is in the middle of the next one.
            await fileIngested.Task.WaitAsync(TimeSpan.FromSeconds(60));
            ComplianceProcess.Terminate(serve);
            Assert.True(await ComplianceProcess.ExitsWithin(serve, TimeSpan.FromSeconds(20)), "serve was still running 20 s after SIGTERM");
            _ = await stdout;
            Assert.True(serve.ExitCode == 0, $"exit code {serve.ExitCode}: {log}");
        }

        Assert.Contains("Job ingest cancelled", log.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, fixture.Scalar("SELECT count(*) FROM run_log WHERE job = 'ingest' AND outcome = $1 AND ended_at IS NOT NULL", RunOutcomes.Cancelled));
        Assert.Equal(0, fixture.Scalar("SELECT count(*) FROM run_log WHERE ended_at IS NULL"));

        // Every file in the ledger is there whole; the ones not reached are not there at all.
        var loaded = fixture.Scalar("SELECT count(*) FROM ingest_files WHERE status = 'loaded' AND rows_loaded = 24000");
        Assert.InRange(loaded, 1, Files - 1);
        Assert.Equal(loaded, fixture.Scalar("SELECT count(*) FROM ingest_files"));
        Assert.Equal(loaded * 24_000, fixture.Scalar("SELECT count(*) FROM events"));
        Assert.Equal(0, fixture.Scalar("""
            SELECT count(*) FROM ingest_files f
            WHERE rows_loaded <> (SELECT count(*) FROM events e WHERE e.file_id = f.file_id)
            """));

        var next = await fixture.IngestAsync(onlyStable: false);

        Assert.Equal(RunOutcomes.Succeeded, next.Outcome);
        Assert.Contains($"files: {Files - loaded} loaded, 0 skipped_duplicate_file", next.Detail, StringComparison.Ordinal);
        Assert.Equal(Files * 24_000, fixture.Scalar("SELECT count(*) FROM events"));
        Assert.Equal(0, fixture.Scalar("SELECT count(*) FROM duplicate_rows"));
    }

    [Fact]
    public async Task Serve_stops_with_one_line_naming_the_store_when_the_store_cannot_be_written()
    {
        using var fixture = new HostingFixture();
        var day = new LocalDate(2026, 11, 2);
        fixture.Drop("a-small.csv", day, cases: 3, prefix: "A");
        fixture.Drop("b-big.csv", day, cases: 30_000, prefix: "B");

        // 4 MB is room for the small file but not for the big one's 60,000 events.
        using (var serve = ComplianceProcess.StartWithFileSizeLimit(fixture.Root, 4 * 1024, ["serve"]))
        {
            var stdout = serve.StandardOutput.ReadToEndAsync();
            var stderr = serve.StandardError.ReadToEndAsync();
            Assert.True(await ComplianceProcess.ExitsWithin(serve, TimeSpan.FromSeconds(90)), "serve carried on with a store it cannot write");
            var log = await stderr;
            _ = await stdout;
            Assert.True(serve.ExitCode == 1, $"exit code {serve.ExitCode}: {log}");
            var last = log.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
            Assert.StartsWith($"compliance: The store {fixture.Database} is not usable: writing ", last, StringComparison.Ordinal);
            Assert.Contains("b-big.csv failed, so nothing of that file was recorded", last, StringComparison.Ordinal);
        }

        Assert.Equal(1, fixture.Scalar("SELECT count(*) FROM ingest_files WHERE file_name = 'a-small.csv' AND rows_loaded = 6"));
        Assert.Equal(0, fixture.Scalar("SELECT count(*) FROM ingest_files WHERE file_name = 'b-big.csv'"));
        Assert.Equal(6, fixture.Scalar("SELECT count(*) FROM events"));
    }
}
