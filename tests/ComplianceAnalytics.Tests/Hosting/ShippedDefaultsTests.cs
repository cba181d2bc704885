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

        Assert.True(ingestCode == 0, ingestErr);
        Assert.Contains("\"rows_loaded\":6", ingestOut, StringComparison.Ordinal);
        Assert.True(reportCode == 0, reportErr);
        Assert.Equal(
            ["adr_letters.csv", "attainment.csv", "audit-2026-03.xlsx", "complaints_causes.csv", "complaints_return.csv", "compliance-2026-03.xlsx", "customer_windows.csv", "director-2026-03.xlsx", "durations.csv"],
            Directory.GetFiles(Path.Combine(_folder, "out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(policiesCode == 0, policiesErr);
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
