using System.CommandLine;
using System.Globalization;
using ComplianceAnalytics.Hosting;
using ComplianceAnalytics.Store;
using NodaTime;
using NodaTime.Text;

namespace ComplianceAnalytics.Host.Cli;

/// <summary>
/// <c>compliance status [--db] [--runs N]</c>: the next fire times of each schedule, the last runs of
/// the run log and the ledger's totals. The store is opened read-only; while <c>serve</c> holds it,
/// the schedules are still shown and the store part fails with the name of the store in use.
/// </summary>
internal static class StatusVerb
{
    public static Command Build()
    {
        var runs = new Option<int>("--runs") { DefaultValueFactory = _ => 10, Description = "How many of the last runs to show." };
        var command = new Command("status", "Show the schedules' next fire times, the last job runs and the ledger's totals.")
        {
            CommandLine.Database, runs,
        };
        command.SetAction((parse, _) => CommandLine.Guard(() =>
        {
            var options = HostSetup.Options(HostSetup.Configuration(CommandLine.Overrides(parse)), requireDropFolder: false);
            ShowSchedules(options);
            if (!File.Exists(options.Database))
            {
                Console.Out.WriteLine($"No store yet at {options.Database}: nothing has run.");
                return Task.FromResult(0);
            }

            using var store = ComplianceStore.Open(options.Database, readOnly: true, options.DuckDb.ToResources());
            var log = new RunLog(store);
            ShowRuns(log.Recent(parse.GetValue(runs)));
            ShowTotals(log.Totals());
            return Task.FromResult(0);
        }));
        return command;
    }

    private static void ShowSchedules(ComplianceOptions options)
    {
        var zone = ComplianceSchedules.Zone(options);
        var now = SystemClock.Instance.GetCurrentInstant().ToDateTimeOffset();
        Console.Out.WriteLine($"Schedules (cron read in {options.TimeZone}):");
        foreach (var schedule in ComplianceSchedules.All(options))
        {
            var next = ComplianceSchedules.NextFireTimes(schedule.Cron, zone, now, 3)
                .Select(t => t.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture));
            Console.Out.WriteLine($"  {schedule.Job,-10} {schedule.Cron,-16} ({schedule.Setting}) next: {string.Join(", ", next)}");
        }
    }

    private static void ShowRuns(IReadOnlyList<RunRecord> runs)
    {
        Console.Out.WriteLine();
        Console.Out.WriteLine(runs.Count == 0 ? "Last runs: none yet." : "Last runs (newest first, times UTC):");
        foreach (var run in runs)
        {
            var ended = run.EndedAt is { } end ? Format(end) : "-";
            Console.Out.WriteLine($"  {Format(run.StartedAt)} .. {ended}  {run.Job,-10} {run.Outcome ?? "unfinished",-10} {run.RunId}  outputs: {OutputCount(run.Outputs)}");
            if (!string.IsNullOrEmpty(run.Detail))
            {
                Console.Out.WriteLine($"      {run.Detail}");
            }
        }
    }

    private static void ShowTotals(LedgerTotals totals)
    {
        Console.Out.WriteLine();
        Console.Out.WriteLine("Ledger:");
        Console.Out.WriteLine("  files: " + (totals.FilesByStatus.Count == 0
            ? "none"
            : string.Join(", ", totals.FilesByStatus.Select(kv => $"{Num(kv.Value)} {kv.Key}"))));
        Console.Out.WriteLine(
            $"  rows: {Num(totals.RowsRead)} read, {Num(totals.RowsLoaded)} loaded, {Num(totals.RowsDuplicate)} duplicate, " +
            $"{Num(totals.RowsRejected)} rejected, {Num(totals.RowsIgnored)} ignored; {Num(totals.Events)} events in the store");
    }

    private static string OutputCount(string? outputsJson)
    {
        if (string.IsNullOrEmpty(outputsJson))
        {
            return "-";
        }

        using var document = System.Text.Json.JsonDocument.Parse(outputsJson);
        return Num(document.RootElement.GetArrayLength()) + " files";
    }

    private static string Format(Instant instant) => InstantPattern.General.Format(instant);

    private static string Num(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
