using System.CommandLine;
using ComplianceAnalytics.Publishing;

namespace ComplianceAnalytics.Host.Cli;

/// <summary><c>compliance report --month YYYY-MM --out DIR [--db] [--policies] [--pack NAME]</c>.</summary>
internal static class ReportVerb
{
    public static Command Build()
    {
        var month = new Option<string>("--month") { Required = true, Description = "The reporting month, YYYY-MM." };
        var outDir = new Option<string>("--out") { Required = true, Description = "The folder for the workbooks and the CSV files." };
        var pack = new Option<string?>("--pack") { Description = "Only this pack (compliance, director or audit); all packs by default." };
        var command = new Command("report", "Write the month's measures (CSV) and packs (Excel workbooks).")
        {
            month, outDir, CommandLine.Database, CommandLine.Policies, pack,
        };
        command.SetAction((parse, _) => CommandLine.Guard(() =>
        {
            var options = HostSetup.Options(HostSetup.Configuration(CommandLine.Overrides(parse)), requireDropFolder: false);
            using var loggers = HostSetup.Loggers(quiet: true);
            using var workspace = HostSetup.Workspace(options, loggers);
            var outputs = workspace.MonthlyReport().Write(
                Measures.ReportContext.ParseMonth(parse.GetValue(month)!), parse.GetValue(outDir)!, parse.GetValue(pack));
            foreach (var output in outputs)
            {
                Console.Out.WriteLine(output.Path);
            }

            return Task.FromResult(0);
        }));
        return command;
    }
}
