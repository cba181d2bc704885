using System.CommandLine;
using ComplianceAnalytics.Hosting;
using ComplianceAnalytics.Measures;
using ComplianceAnalytics.Publishing;
using NodaTime;

namespace ComplianceAnalytics.Host.Cli;

/// <summary>
/// <c>compliance report (--month YYYY-MM | --period P) --out DIR [--db] [--policies] [--pack NAME]</c>: the
/// contract's CSV files in DIR and each organisation's workbooks in <c>DIR/&lt;org&gt;/</c> (contract §6);
/// <c>--period</c> writes the complaints return (see <see cref="ReportPeriod"/>).
/// </summary>
internal static class ReportVerb
{
    public static Command Build()
    {
        var month = new Option<string?>("--month") { Description = "The reporting month, YYYY-MM." };
        var outDir = new Option<string>("--out") { Required = true, Description = "The folder for the CSV files; each organisation's workbooks go in DIR/<org>/." };
        var pack = new Option<string?>("--pack") { Description = "Only this pack (compliance, director or audit); all packs by default." };
        var command = new Command("report", "Write the month's measures (CSV) and each organisation's packs (Excel workbooks), or a period's complaints return.")
        {
            month, ReportPeriod.Period, outDir, CommandLine.Database, CommandLine.Policies, pack,
        };
        command.SetAction((parse, _) => CommandLine.Guard(() =>
        {
            ReportPeriod.RequireExactlyOne(parse.GetValue(month), parse.GetValue(ReportPeriod.Period));
            var options = HostSetup.Options(HostSetup.Configuration(CommandLine.Overrides(parse)), requireDropFolder: false);
            using var loggers = HostSetup.Loggers(quiet: true);
            using var workspace = HostSetup.Workspace(options, loggers);
            workspace.RecordPolicyVersions();
            var outputs = new List<OutputFile>();
            if (parse.GetValue(ReportPeriod.Period) is { } period)
            {
                outputs.AddRange(ReportPeriod.Write(workspace, period, parse.GetValue(outDir)!, workbooks: true));
            }
            else
            {
                var m = parse.GetValue(month)!;
                // The month's return files are made while its workbooks are written.
                outputs.AddRange(WriteMonth(
                    workspace, ReportContext.ParseMonth(m), parse.GetValue(outDir)!, parse.GetValue(pack),
                    () => ReportPeriod.Write(workspace, m, parse.GetValue(outDir)!, workbooks: false)));
            }

            foreach (var output in outputs)
            {
                Console.Out.WriteLine(output.Path);
            }

            return Task.FromResult(0);
        }));
        return command;
    }

    /// <summary>A month's outputs; a month that has not begun (in Compliance:TimeZone) has nothing to report and is refused.</summary>
    private static IReadOnlyList<OutputFile> WriteMonth(
        ComplianceWorkspace workspace, YearMonth month, string outDir, string? pack, Func<IReadOnlyList<OutputFile>> whileWriting)
    {
        var today = workspace.Clock.GetCurrentInstant().InZone(workspace.ScheduleZone).Date;
        if (month.OnDayOfMonth(1) > today)
        {
            throw new ArgumentException(
                $"--month {ReportContext.FormatMonth(month)} has not begun (today is {today:yyyy'-'MM'-'dd} in {workspace.ScheduleZone.Id}); nothing can be reported for it.");
        }

        return workspace.MonthlyReport().Write(month, outDir, pack, whileWriting: whileWriting);
    }
}
