using System.CommandLine;
using ComplianceAnalytics.Publishing;

namespace ComplianceAnalytics.Host.Cli;

/// <summary><c>compliance report (--month YYYY-MM | --period P) --out DIR [--db] [--policies] [--pack NAME]</c>.</summary>
internal static class ReportVerb
{
    public static Command Build()
    {
        var month = new Option<string?>("--month") { Description = "The reporting month, YYYY-MM." };
        var outDir = new Option<string>("--out") { Required = true, Description = "The folder for the workbooks and the CSV files." };
        var pack = new Option<string?>("--pack") { Description = "Only this pack (compliance, director or audit); all packs by default." };
        var command = new Command("report", "Write the month's measures (CSV) and packs (Excel workbooks), or a period's complaints return.")
        {
            month, ReportPeriod.Period, outDir, CommandLine.Database, CommandLine.Policies, pack,
        };
        command.SetAction((parse, _) => CommandLine.Guard(() =>
        {
            ReportPeriod.RequireExactlyOne(parse.GetValue(month), parse.GetValue(ReportPeriod.Period));
            var options = HostSetup.Options(HostSetup.Configuration(CommandLine.Overrides(parse)), requireDropFolder: false);
            using var loggers = HostSetup.Loggers(quiet: true);
            using var workspace = HostSetup.Workspace(options, loggers);
            var outputs = new List<OutputFile>();
            if (parse.GetValue(ReportPeriod.Period) is { } period)
            {
                outputs.AddRange(ReportPeriod.Write(workspace, period, parse.GetValue(outDir)!, workbooks: true));
            }
            else
            {
                var m = parse.GetValue(month)!;
                outputs.AddRange(workspace.MonthlyReport().Write(Measures.ReportContext.ParseMonth(m), parse.GetValue(outDir)!, parse.GetValue(pack)));
                outputs.AddRange(ReportPeriod.Write(workspace, m, parse.GetValue(outDir)!, workbooks: false));
            }

            foreach (var output in outputs)
            {
                Console.Out.WriteLine(output.Path);
            }

            return Task.FromResult(0);
        }));
        return command;
    }
}
