using ComplianceAnalytics.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace ComplianceAnalytics.Tests.Hosting;

/// <summary>Settings are refused when the host or a verb starts, each in one line that names it.</summary>
public sealed class StartupSettingsTests
{
    [Theory]
    [InlineData("Compliance:PseudonymKey", "not-a-key!")]
    [InlineData("Compliance:PseudonymKey", "00112233445566778899aabbccddee")]
    [InlineData("Compliance:DuckDb:MemoryLimit", "lots")]
    [InlineData("Compliance:DuckDb:MemoryLimit", "10MB")]
    [InlineData("Compliance:DuckDb:Threads", "0")]
    [InlineData("Compliance:Schedules:Ingest", "every five minutes")]
    public void Each_bad_setting_is_named(string setting, string value)
    {
        var root = Path.Combine(Path.GetTempPath(), "settings-" + Guid.NewGuid().ToString("N"));
        var settings = HostingFixture.Settings(root, new Dictionary<string, string?> { [setting] = value });
        var options = new ComplianceOptions();
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(ComplianceOptions.Section).Bind(options);

        var result = new ComplianceOptionsValidator { RequireDropFolder = false }.Validate(null, options);

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith(setting, failure, StringComparison.Ordinal);
        // The key is a secret: a refused key is described, never echoed.
        Assert.DoesNotContain(setting == "Compliance:PseudonymKey" ? value : "\n", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_bound_duckdb_to_512_megabytes_and_its_own_threads()
    {
        var options = new ComplianceOptions();
        Assert.Equal("512MB", options.DuckDb.MemoryLimit);
        Assert.Null(options.DuckDb.Threads);
    }

    [Fact]
    public async Task Serve_with_a_bad_key_exits_at_once_with_one_line_naming_it()
    {
        var root = Path.Combine(Path.GetTempPath(), "badkey-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "drop"));
        try
        {
            using var child = ComplianceProcess.Start(root, ["serve"], new Dictionary<string, string?> { ["Compliance:PseudonymKey"] = "not-a-key!" });
            var stderr = child.StandardError.ReadToEndAsync();
            var stdout = child.StandardOutput.ReadToEndAsync();
            Assert.True(await ComplianceProcess.ExitsWithin(child, TimeSpan.FromSeconds(20)), "serve kept running with a bad key");

            Assert.NotEqual(0, child.ExitCode);
            var lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var line = Assert.Single(lines);
            Assert.Contains("Compliance:PseudonymKey", line, StringComparison.Ordinal);
            Assert.DoesNotContain("not-a-key!", line, StringComparison.Ordinal);
            Assert.DoesNotContain("Job", await stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task A_failing_job_logs_one_line_and_backs_off_doubling()
    {
        var logs = new LogCapture();
        using var fixture = new HostingFixture();
        using var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(logs));
        using var runner = new JobRunner(fixture.Workspace, new Logger<JobRunner>(loggers));
        var runs = 0;
        void Fail(JobRun run, CancellationToken token)
        {
            runs++;
            throw new InvalidOperationException("the drop folder is unreadable");
        }

        async Task<string> Run() => (await runner.RunAsync("ingest", Fail, CancellationToken.None)).Outcome!;

        Assert.Equal(RunOutcomes.Failed, await Run());
        // At once, and again within the first minute: skipped, not run.
        Assert.Equal(RunOutcomes.Skipped, await Run());
        fixture.Clock.Now += Duration.FromSeconds(59);
        Assert.Equal(RunOutcomes.Skipped, await Run());
        fixture.Clock.Now += Duration.FromSeconds(2);
        Assert.Equal(RunOutcomes.Failed, await Run());
        // The second failure in a row waits two minutes.
        fixture.Clock.Now += Duration.FromSeconds(61);
        Assert.Equal(RunOutcomes.Skipped, await Run());
        fixture.Clock.Now += Duration.FromSeconds(60);
        Assert.Equal(RunOutcomes.Failed, await Run());
        Assert.Equal(3, runs);

        var errors = logs.Messages.Where(m => m.StartsWith("Error:", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, errors.Count);
        Assert.All(errors, e => Assert.DoesNotContain(" at ", e, StringComparison.Ordinal));
        Assert.All(errors, e => Assert.Contains("the drop folder is unreadable", e, StringComparison.Ordinal));
        // The stack trace is there for a developer, at Debug.
        Assert.Contains(logs.Messages, m => m.StartsWith("Debug:", StringComparison.Ordinal) && m.Contains(" at ", StringComparison.Ordinal));

        // A success ends the back-off.
        fixture.Clock.Now += Duration.FromHours(1);
        Assert.Equal(RunOutcomes.Succeeded, (await runner.RunAsync("ingest", (_, _) => { }, CancellationToken.None)).Outcome);
        Assert.Equal(RunOutcomes.Succeeded, (await runner.RunAsync("ingest", (_, _) => { }, CancellationToken.None)).Outcome);
    }
}
