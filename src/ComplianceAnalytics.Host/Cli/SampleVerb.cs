using System.CommandLine;
using ComplianceAnalytics.SampleData;
using NodaTime;

namespace ComplianceAnalytics.Host.Cli;

/// <summary><c>compliance sample --cases N --seed S --out DIR</c>: realistic exports for the five seed organisations and Crediflex.</summary>
internal static class SampleVerb
{
    public static Command Build()
    {
        var cases = new Option<int>("--cases") { DefaultValueFactory = _ => 1500, Description = "How many complaint cases." };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 42, Description = "The random seed: the same seed writes the same bytes." };
        var outDir = new Option<string>("--out") { Required = true, Description = "The folder to write exports/ and mappings/ into." };
        var start = new Option<string>("--start") { DefaultValueFactory = _ => "2025-09-01", Description = "The first day of the first month." };
        var months = new Option<int>("--months") { DefaultValueFactory = _ => 14, Description = "How many months of events (at least 13)." };
        var command = new Command("sample", "Write sample exports (with some personal data and some bad rows) for the seed organisations and Crediflex.")
        {
            cases, seed, outDir, start, months,
        };
        command.SetAction((parse, _) => CommandLine.Guard(() =>
        {
            var first = NodaTime.Text.LocalDatePattern.Iso.Parse(parse.GetValue(start)!).GetValueOrThrow();
            var summary = SampleExportGenerator.Write(new SampleOptions(
                parse.GetValue(cases), parse.GetValue(seed), parse.GetValue(outDir)!, first, parse.GetValue(months)));
            Console.Out.WriteLine(
                $"{summary.Cases} cases, {summary.Rows} rows in {summary.Files.Count} files ({summary.BadRowsPlanted} bad rows planted) written to {parse.GetValue(outDir)}.");
            return Task.FromResult(0);
        }));
        return command;
    }
}
