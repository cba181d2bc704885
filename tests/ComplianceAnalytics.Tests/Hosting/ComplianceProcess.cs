using System.Diagnostics;
using ComplianceAnalytics.Tests.Policies;

namespace ComplianceAnalytics.Tests.Hosting;

/// <summary>
/// The built <c>compliance</c> executable as a child process, configured like a
/// <see cref="HostingFixture"/> through environment variables, with its output redirected.
/// </summary>
internal static class ComplianceProcess
{
    /// <summary>Starts <c>compliance ARGS</c> with the settings of a fixture rooted at <paramref name="root"/>.</summary>
    public static Process Start(string root, IEnumerable<string> args, IDictionary<string, string?>? settings = null) =>
        Process.Start(StartInfo(root, args, settings))!;

    /// <summary>
    /// Starts it through bash with a file size limit, as a store on a full disk: a write beyond
    /// <paramref name="maxFileKilobytes"/> fails instead of growing the file (SIGXFSZ is ignored so the
    /// write returns an error rather than killing the process, and .NET's W^X double mapping, a file
    /// the limit would also cover, is off).
    /// </summary>
    public static Process StartWithFileSizeLimit(string root, int maxFileKilobytes, IEnumerable<string> args, IDictionary<string, string?>? settings = null)
    {
        var start = StartInfo(root, args, settings);
        List<string> inner = [start.FileName, .. start.ArgumentList];
        start.FileName = "bash";
        start.ArgumentList.Clear();
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"ulimit -f {maxFileKilobytes}; trap '' XFSZ; exec \"$@\"");
        start.ArgumentList.Add("bash");
        foreach (var arg in inner)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        return Process.Start(start)!;
    }

    /// <summary>Sends SIGTERM, as a service manager stopping the service does.</summary>
    public static void Terminate(Process process)
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Waits for the process to exit; false if it has not within <paramref name="timeout"/>.</summary>
    public static async Task<bool> ExitsWithin(Process process, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return false;
        }
    }

    private static ProcessStartInfo StartInfo(string root, IEnumerable<string> args, IDictionary<string, string?>? settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "compliance.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in HostingFixture.Settings(root, settings))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return start;
    }
}

/// <summary>
/// Tests that run alone, after the others: those that act on a child process at a point of its
/// progress, so that the load of parallel tests does not delay the test's reaction past that point,
/// and those that measure the test process's own memory, which parallel tests would change.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunAloneTests
{
    public const string Name = "run alone";
}
