using System.CommandLine;
using ComplianceAnalytics.Measures;
using NodaTime.Text;

namespace ComplianceAnalytics.Host.Cli;

/// <summary><c>compliance export --as-of INSTANT --out DIR [--db] [--policies] [--format csv|parquet]</c>.</summary>
internal static class ExportVerb
{
    public static Command Build()
    {
        var asOf = new Option<string>("--as-of") { Required = true, Description = "The evaluation cut-off, an instant such as 2026-11-01T00:00:00Z." };
        var outDir = new Option<string>("--out") { Required = true, Description = "The folder to write stage_instances.csv (or Parquet) into." };
        var format = new Option<string>("--format") { DefaultValueFactory = _ => "csv", Description = "csv (stage_instances.csv) or parquet (instances and events, partitioned by org and month)." };
        format.AcceptOnlyFromAmong("csv", "parquet");
        var command = new Command("export", "Write every stage instance evaluated at an as-of instant.")
        {
            asOf, outDir, CommandLine.Database, CommandLine.Policies, format,
        };
        command.SetAction((parse, _) => CommandLine.Guard(() =>
        {
            var text = parse.GetValue(asOf)!;
            var parsed = OffsetDateTimePattern.ExtendedIso.Parse(text);
            var instant = parsed.Success ? parsed.Value.ToInstant()
                : InstantPattern.ExtendedIso.Parse(text) is { Success: true } utc ? utc.Value
                : throw new ArgumentException(
                    $"--as-of '{text}' is not an instant: give a UTC time such as 2026-11-01T00:00:00Z or one with its offset such as 2026-11-01T00:00:00+01:00.");
            var options = HostSetup.Options(HostSetup.Configuration(CommandLine.Overrides(parse)), requireDropFolder: false, requireReportFolders: false);
            using var loggers = HostSetup.Loggers(quiet: true);
            using var workspace = HostSetup.Workspace(options, loggers);
            var dir = parse.GetValue(outDir)!;
            workspace.RecordPolicyVersions();
            var summary = parse.GetValue(format) == "parquet"
                ? StageInstanceExport.WriteParquet(workspace.Store, workspace.Policies, instant, dir)
                : StageInstanceExport.WriteCsv(workspace.Store, workspace.Policies, instant, dir);
            Console.Error.WriteLine($"Evaluated {summary.Cases} cases at {InstantPattern.ExtendedIso.Format(instant)}: {summary.Instances} stage instances written to {dir}.");
            return Task.FromResult(0);
        }));
        return command;
    }
}
