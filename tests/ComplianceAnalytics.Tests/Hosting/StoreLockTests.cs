using System.Diagnostics;
using ComplianceAnalytics.Hosting;
using NodaTime;

namespace ComplianceAnalytics.Tests.Hosting;

public class StoreLockTests
{
    [Fact]
    public async Task A_second_process_is_refused_the_store_within_seconds_and_the_holder_carries_on()
    {
        using var fixture = new HostingFixture();
        fixture.Drop("jpdit-a.csv", new LocalDate(2026, 11, 2), cases: 2);
        _ = fixture.Workspace.Store;

        var timer = Stopwatch.StartNew();
        using var child = ComplianceProcess.Start(fixture.Root, ["status", "--db", fixture.Database]);
        var stderr = child.StandardError.ReadToEndAsync();
        _ = await child.StandardOutput.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(8)))
        {
            await child.WaitForExitAsync(timeout.Token);
        }

        Assert.NotEqual(0, child.ExitCode);
        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(8), $"refused after {timer.Elapsed}");
        var message = await stderr;
        Assert.Contains("is in use by another process", message, StringComparison.Ordinal);
        Assert.Contains(fixture.Database, message, StringComparison.Ordinal);

        var run = await fixture.IngestAsync();
        Assert.Equal(RunOutcomes.Succeeded, run.Outcome);
        Assert.Equal(4, fixture.Scalar("SELECT count(*) FROM events"));
    }
}
