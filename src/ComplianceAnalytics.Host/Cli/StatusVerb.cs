using System.CommandLine;
using System.Globalization;
using ComplianceAnalytics.Hosting;
using ComplianceAnalytics.Store;
using NodaTime;
using NodaTime.Text;
using Spectre.Console;

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
                AnsiConsole.MarkupLineInterpolated($"No store yet at {options.Database}: nothing has run.");
                return Task.FromResult(0);
            }

            using var store = ComplianceStore.Open(options.Database, readOnly: true);
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
        var table = new Table().Title($"Schedules ({Markup.Escape(options.TimeZone)})").AddColumns("Job", "Setting", "Cron", "Next fire times");
        foreach (var schedule in ComplianceSchedules.All(options))
        {
            var next = ComplianceSchedules.NextFireTimes(schedule.Cron, zone, now, 3)
                .Select(t => t.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture));
            table.AddRow(Markup.Escape(schedule.Job), Markup.Escape(schedule.Setting), Markup.Escape(schedule.Cron), Markup.Escape(string.Join(Environment.NewLine, next)));
        }

        AnsiConsole.Write(table);
    }

    private static void ShowRuns(IReadOnlyList<RunRecord> runs)
    {
        var table = new Table().Title("Last runs").AddColumns("Run", "Job", "Started (UTC)", "Ended (UTC)", "Outcome", "Detail", "Outputs");
        foreach (var run in runs)
        {
            table.AddRow(
                Markup.Escape(run.RunId), Markup.Escape(run.Job), Markup.Escape(Format(run.StartedAt)),
                Markup.Escape(run.EndedAt is { } ended ? Format(ended) : "-"),
                Markup.Escape(run.Outcome ?? "unfinished"), Markup.Escape(run.Detail ?? string.Empty),
                Markup.Escape(OutputCount(run.Outputs)));
        }

        AnsiConsole.Write(table);
    }

    private static void ShowTotals(LedgerTotals totals)
    {
        var table = new Table().Title("Ledger").AddColumns("Measure", "Count");
        foreach (var (status, count) in totals.FilesByStatus)
        {
            table.AddRow(Markup.Escape($"files {status}"), Num(count));
        }

        table.AddRow("rows read", Num(totals.RowsRead));
        table.AddRow("rows loaded", Num(totals.RowsLoaded));
        table.AddRow("rows duplicate", Num(totals.RowsDuplicate));
        table.AddRow("rows rejected", Num(totals.RowsRejected));
        table.AddRow("rows ignored", Num(totals.RowsIgnored));
        table.AddRow("events in store", Num(totals.Events));
        AnsiConsole.Write(table);
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
