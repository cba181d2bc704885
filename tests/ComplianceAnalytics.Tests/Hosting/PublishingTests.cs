using ComplianceAnalytics.Hosting;
using ComplianceAnalytics.Packs;
using ComplianceAnalytics.Publishing;
using ComplianceAnalytics.Tests.Publishing;
using NodaTime;

namespace ComplianceAnalytics.Tests.Hosting;

public class PublishingTests
{
    [Fact]
    public async Task Every_month_with_data_up_to_the_latest_complete_month_gets_its_packs()
    {
        using var fixture = new HostingFixture();
        fixture.Drop("jpdit-oct.csv", new LocalDate(2026, 10, 6), cases: 2, prefix: "O");
        fixture.Drop("jpdit-dec.csv", new LocalDate(2026, 12, 1), cases: 2, prefix: "D");
        await fixture.IngestAsync();

        var run = await fixture.PacksAsync();

        Assert.Equal(RunOutcomes.Succeeded, run.Outcome);
        foreach (var month in new[] { "2026-10", "2026-11" })
        {
            foreach (var measure in MonthlyReport.CsvMeasures)
            {
                Assert.True(File.Exists(Path.Combine(fixture.PublishFolder, month, measure + ".csv")), $"{month}/{measure}.csv");
            }

            // One pack set per organisation of the policies, each in its own folder.
            foreach (var org in new[] { "bluehat", "halo", "helpdesk", "hexpress", "jpdit", "netservers" })
            {
                foreach (var pack in new[] { "compliance", "director", "audit" })
                {
                    var name = $"{org}/{pack}-{org}-{month}.xlsx";
                    Assert.True(File.Exists(Path.Combine(fixture.PublishFolder, month, name)), name);
                }
            }

            Assert.False(Directory.Exists(Path.Combine(fixture.PublishFolder, month, MonthlyReport.GroupFolder)));
        }

        // December is not complete on 15 December, and nothing is left in staging.
        Assert.False(Directory.Exists(Path.Combine(fixture.PublishFolder, "2026-12")));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(fixture.PublishFolder, PackPublisher.StagingFolder)));
        Assert.Equal(2, fixture.Scalar("SELECT count(*) FROM published_packs"));
        Assert.Equal(run.Outputs.Count, fixture.Scalar("SELECT json_array_length(outputs::JSON) FROM run_log WHERE run_id = $1", run.RunId));
    }

    [Fact]
    public async Task The_audit_packs_run_log_shows_the_run_that_made_it_with_what_it_wrote_before_and_only_its_firms_files()
    {
        using var fixture = new HostingFixture();
        fixture.Drop("jpdit-nov.csv", new LocalDate(2026, 11, 2), cases: 2, prefix: "A");
        var ingest = await fixture.IngestAsync();

        var run = await fixture.PacksAsync();

        var audit = Path.Combine(fixture.PublishFolder, "2026-11", "jpdit", "audit-jpdit-2026-11.xlsx");
        var log = WorkbookCells.Read(audit)["Run log"].Rows(WorkbookWriter.HeaderRow);
        var own = log.Where(r => r["Run"] == run.RunId).ToList();
        Assert.All(own, r => Assert.Equal("in progress", r["Outcome"]));
        Assert.All(own, r => Assert.Null(r["Ended (UTC)"]));
        // What the run wrote before the audit packs: the month's CSV files and this firm's other workbooks, no other firm's.
        var outputs = own.Select(r => r["Output"]).ToList();
        Assert.Contains("2026-11/attainment.csv", outputs);
        Assert.Contains("compliance-jpdit-2026-11.xlsx", outputs);
        Assert.Contains("director-jpdit-2026-11.xlsx", outputs);
        Assert.DoesNotContain(outputs, o => o is not null && (o.Contains("halo", StringComparison.Ordinal) || o.StartsWith("audit-", StringComparison.Ordinal)));
        // An earlier run shows its end and outcome.
        var earlier = Assert.Single(log, r => r["Run"] == ingest.RunId);
        Assert.Equal(RunOutcomes.Succeeded, earlier["Outcome"]);
        Assert.NotNull(earlier["Ended (UTC)"]);
        // The run's row ends complete, with every output, the audit packs included.
        Assert.Equal(run.Outputs.Count, fixture.Scalar("SELECT json_array_length(outputs::JSON) FROM run_log WHERE run_id = $1 AND outcome = 'succeeded'", run.RunId));
    }

    [Fact]
    public async Task A_month_whose_inputs_changed_is_republished_and_its_earlier_files_are_kept()
    {
        using var fixture = new HostingFixture();
        fixture.Drop("jpdit-nov-a.csv", new LocalDate(2026, 11, 2), cases: 2, prefix: "A");
        await fixture.IngestAsync();
        var first = await fixture.PacksAsync();
        var unchanged = await fixture.PacksAsync();
        var monthDir = Path.Combine(fixture.PublishFolder, "2026-11");
        var before = File.ReadAllText(Path.Combine(monthDir, "attainment.csv"));

        fixture.Drop("jpdit-nov-b.csv", new LocalDate(2026, 11, 20), cases: 5, prefix: "B");
        await fixture.IngestAsync();
        var republish = await fixture.PacksAsync();

        Assert.Contains("1 published", first.Detail, StringComparison.Ordinal);
        Assert.Contains("0 published", unchanged.Detail, StringComparison.Ordinal);
        Assert.Contains("2026-11 (republished)", republish.Detail, StringComparison.Ordinal);
        var kept = Path.Combine(monthDir, PackPublisher.SupersededFolder, republish.RunId, "attainment.csv");
        Assert.Equal(before, File.ReadAllText(kept));
        Assert.NotEqual(before, File.ReadAllText(Path.Combine(monthDir, "attainment.csv")));
    }

    [Fact]
    public void A_name_that_climbs_out_of_the_publish_folder_is_refused()
    {
        var folder = Path.Combine(Path.GetTempPath(), "publish-" + Guid.NewGuid().ToString("N"));
        Assert.Throws<InvalidOperationException>(() => PackPublisher.Inside(folder, "../evil.csv"));
        Assert.Throws<InvalidOperationException>(() => PackPublisher.Inside(folder, "sub/deeper/evil.csv"));
        Assert.Throws<InvalidOperationException>(() => PackPublisher.Inside(folder, "sub/../../evil.csv"));
        Assert.Equal(Path.Combine(folder, "halo", "audit-halo-2026-11.xlsx"), PackPublisher.Inside(folder, "halo/audit-halo-2026-11.xlsx"));
        Assert.Throws<InvalidOperationException>(() => PackPublisher.Inside(folder, "/etc/evil.csv"));
        Assert.Throws<InvalidOperationException>(() => PackPublisher.Inside(folder, ".."));
        Assert.Equal(Path.Combine(folder, "..evil..csv"), PackPublisher.Inside(folder, "..evil..csv"));
    }

    [Fact]
    public async Task Outputs_named_like_paths_still_land_in_the_month_folder()
    {
        using var fixture = new HostingFixture();
        fixture.Drop("..%2F..%2Fjpdit-nov.csv", new LocalDate(2026, 11, 2), cases: 2);
        await fixture.IngestAsync();

        // A writer whose files claim paths outside its folder: only their names are used.
        var publisher = fixture.Get<PackPublisher>();
        var placed = publisher.Publish(new YearMonth(2026, 11), "run-x", "fp", (_, dir) =>
        {
            var file = Path.Combine(dir, "..evil.csv");
            File.WriteAllText(file, "x");
            return [new OutputFile(Path.Combine(dir, "..", "..", "..", "..evil.csv"), "h")];
        });

        var monthDir = Path.Combine(fixture.PublishFolder, "2026-11");
        Assert.Equal(Path.Combine(monthDir, "..evil.csv"), Assert.Single(placed).Path);
        var everything = Directory.GetFiles(fixture.Root, "*", SearchOption.AllDirectories);
        Assert.All(everything.Where(f => f.EndsWith("evil.csv", StringComparison.Ordinal)), f => Assert.StartsWith(monthDir, f, StringComparison.Ordinal));
    }
}
