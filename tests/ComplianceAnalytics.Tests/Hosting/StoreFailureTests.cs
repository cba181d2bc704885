using ComplianceAnalytics.Hosting;
using ComplianceAnalytics.Store;
using NodaTime;

namespace ComplianceAnalytics.Tests.Hosting;

[Collection(RunAloneTests.Name)]
public class StoreFailureTests
{
    [Fact]
    public async Task A_store_that_cannot_grow_stops_the_run_with_one_line_naming_it_and_keeps_nothing_of_the_file()
    {
        using var fixture = new HostingFixture();
        var day = new LocalDate(2026, 11, 2);
        fixture.Drop("a-small.csv", day, cases: 3, prefix: "A");
        fixture.Drop("b-big.csv", day, cases: 30_000, prefix: "B");

        // 3 MB is room for the small file but not for the big one's 60,000 events.
        using (var child = ComplianceProcess.StartWithFileSizeLimit(fixture.Root, 3 * 1024, ["ingest", fixture.DropFolder, "--db", fixture.Database, "--json"]))
        {
            var stdout = child.StandardOutput.ReadToEndAsync();
            var stderr = child.StandardError.ReadToEndAsync();
            Assert.True(await ComplianceProcess.ExitsWithin(child, TimeSpan.FromSeconds(60)));
            var error = await stderr;
            Assert.True(child.ExitCode == 1, $"exit code {child.ExitCode}: {error}");
            var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Single(lines);
            Assert.StartsWith($"compliance: The store {fixture.Database} is not usable: writing ", lines[0], StringComparison.Ordinal);
            Assert.Contains("b-big.csv failed, so nothing of that file was recorded", lines[0], StringComparison.Ordinal);
            var output = await stdout;
            Assert.Contains("a-small.csv", output, StringComparison.Ordinal);
            Assert.DoesNotContain("b-big.csv", output, StringComparison.Ordinal);
        }

        // Reopened with room to grow: the small file whole, no trace of the big one.
        Assert.Equal(1, fixture.Scalar("SELECT count(*) FROM ingest_files"));
        Assert.Equal(1, fixture.Scalar("SELECT count(*) FROM ingest_files WHERE file_name = 'a-small.csv' AND rows_loaded = 6"));
        Assert.Equal(6, fixture.Scalar("SELECT count(*) FROM events"));
        Assert.Equal(0, fixture.Scalar("SELECT count(*) FROM rejected_rows") + fixture.Scalar("SELECT count(*) FROM duplicate_rows"));

        var next = await fixture.IngestAsync(onlyStable: false);

        Assert.Equal(RunOutcomes.Succeeded, next.Outcome);
        Assert.Contains("files: 1 loaded, 1 skipped_duplicate_file, 0 quarantined", next.Detail, StringComparison.Ordinal);
        Assert.Equal(6 + 60_000, fixture.Scalar("SELECT count(*) FROM events"));
    }

    [Fact]
    public async Task A_store_in_a_folder_where_nothing_can_be_created_fails_with_one_line_naming_it()
    {
        using var fixture = new HostingFixture();
        fixture.Drop("a-small.csv", new LocalDate(2026, 11, 2), cases: 3, prefix: "A");

        // Nothing can be created under /proc, even by root, for whom a read-only mode bit is no obstacle.
        var store = "/proc/compliance-" + Guid.NewGuid().ToString("N") + "/store.duckdb";
        using var child = ComplianceProcess.Start(fixture.Root, ["ingest", fixture.DropFolder, "--db", store]);
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        Assert.True(await ComplianceProcess.ExitsWithin(child, TimeSpan.FromSeconds(60)));

        var error = await stderr;
        Assert.Equal(1, child.ExitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"compliance: The store {store} is not usable: its folder cannot be created", line, StringComparison.Ordinal);
        Assert.Empty(await stdout);
        Assert.False(Directory.Exists(Path.GetDirectoryName(store)));
    }

    [Fact]
    public void Opening_a_store_whose_file_cannot_be_created_names_the_store()
    {
        var store = "/proc/store-" + Guid.NewGuid().ToString("N") + ".duckdb";
        var ex = Assert.Throws<StoreUnavailableException>(() => ComplianceStore.Open(store));
        Assert.Equal(store, ex.StorePath);
        Assert.StartsWith($"The store {store} is not usable: it cannot be opened: ", ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(store));
    }
}
