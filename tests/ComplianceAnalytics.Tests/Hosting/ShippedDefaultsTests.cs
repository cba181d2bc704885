using System.Diagnostics;

namespace ComplianceAnalytics.Tests.Hosting;

/// <summary>
/// The embedded defaults (sample policies and calendars, mapping profiles, queries, pack
/// definitions) travel with the executable, so the verbs work from any working folder with only
/// the paths of their own data given.
/// </summary>
public sealed class ShippedDefaultsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "shipped-" + Guid.NewGuid().ToString("N"));

    public ShippedDefaultsTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Ingest_report_and_policies_run_from_a_folder_that_holds_nothing_of_the_repository()
    {
        File.WriteAllText(Path.Combine(_folder, "jpdit.csv"), HostingFixture.Export(new NodaTime.LocalDate(2026, 3, 2), 3, "X"));

        var (ingestCode, ingestOut, ingestErr) = await Run("ingest", "jpdit.csv", "--db", "store.duckdb", "--json");
        var (reportCode, _, reportErr) = await Run("report", "--month", "2026-03", "--out", "out", "--db", "store.duckdb");
        var (policiesCode, policiesOut, policiesErr) = await Run("policies", "--json");
        var (futureCode, futureOut, futureErr) = await Run("report", "--month", "2099-12", "--out", "future", "--db", "store.duckdb");
        var (missingCode, missingOut, missingErr) = await Run("ingest", "nope.csv", "jpdit.csv", "--db", "store.duckdb");
        var (_, ledger, _) = await Run("ingest", "jpdit.csv", "--db", "store.duckdb", "--json");

        Assert.True(ingestCode == 0, ingestErr);
        Assert.Contains("\"rows_loaded\":6", ingestOut, StringComparison.Ordinal);
        Assert.True(reportCode == 0, reportErr);
        Assert.Equal(
            ["adr_letters.csv", "attainment.csv", "complaints_causes.csv", "complaints_return.csv", "customer_windows.csv", "durations.csv",
             "jpdit/audit-jpdit-2026-03.xlsx", "jpdit/board-jpdit-2026-03.png", "jpdit/compliance-jpdit-2026-03.xlsx", "jpdit/director-jpdit-2026-03.xlsx"],
            Directory.GetFiles(Path.Combine(_folder, "out"), "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Path.Combine(_folder, "out"), f)).Where(f => !f.Contains('/', StringComparison.Ordinal) || f.StartsWith("jpdit/", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal));
        Assert.Equal(
            ["bluehat", "crediflex", "halo", "helpdesk", "hexpress", "jpdit", "netservers"],
            Directory.GetDirectories(Path.Combine(_folder, "out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(policiesCode == 0, policiesErr);
        // A month that has not begun is refused in one line; nothing is written.
        Assert.NotEqual(0, futureCode);
        Assert.Equal("", futureOut);
        Assert.Matches(@"^compliance: --month 2099-12 has not begun \(today is \d{4}-\d{2}-\d{2} in Europe/London\); nothing can be reported for it\.\n$", futureErr.ReplaceLineEndings("\n"));
        Assert.False(Directory.Exists(Path.Combine(_folder, "future")));
        // A path that does not exist: the others are ingested (piped: plain lines), then a non-zero exit naming it.
        Assert.Equal(1, missingCode);
        Assert.Equal("ingest: path does not exist: nope.csv", missingErr.Trim());
        Assert.StartsWith("jpdit.csv: skipped_duplicate_file; read 0, loaded 0,", missingOut, StringComparison.Ordinal);
        Assert.DoesNotContain("nope", ledger, StringComparison.Ordinal);
        Assert.Equal(
            ["bluehat", "crediflex", "halo", "helpdesk", "hexpress", "jpdit", "netservers"],
            System.Text.Json.JsonDocument.Parse(policiesOut).RootElement.EnumerateArray().Select(p => p.GetProperty("org").GetString()));
    }

    private async Task<(int Code, string Out, string Err)> Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = _folder,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "compliance.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Compliance__PseudonymKey"] = Convert.ToHexString(new byte[32]);
        using var child = Process.Start(start)!;
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await child.WaitForExitAsync(timeout.Token);
        return (child.ExitCode, await stdout, await stderr);
    }
}
