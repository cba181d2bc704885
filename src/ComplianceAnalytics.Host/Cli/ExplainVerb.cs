using System.CommandLine;
using ComplianceAnalytics.Clocks;
using ComplianceAnalytics.Measures;
using ComplianceAnalytics.Publishing;
using NodaTime;
using NodaTime.Text;

namespace ComplianceAnalytics.Host.Cli;

/// <summary><c>compliance explain --org ORG --case REF [--as-of INSTANT] [--json] [--png FILE] [--db] [--policies]</c>.</summary>
internal static class ExplainVerb
{
    public static Command Build()
    {
        var org = new Option<string>("--org") { Required = true, Description = "The organisation, e.g. jpdit." };
        var caseRef = new Option<string>("--case") { Required = true, Description = "The case reference." };
        var asOf = new Option<string?>("--as-of") { Description = "The evaluation instant, e.g. 2026-11-01T00:00:00Z (default: now)." };
        var png = new Option<string?>("--png") { Description = "Also draw the case's timeline to this PNG file." };
        var command = new Command("explain", "Explain one case: its events and each stage cycle's clock, step by step, with why.")
        {
            org, caseRef, asOf, CommandLine.Json, png, CommandLine.Database, CommandLine.Policies,
        };
        command.SetAction((parse, _) => CommandLine.Guard(() =>
        {
            var instant = parse.GetValue(asOf) is { } text ? ParseInstant(text) : SystemClock.Instance.GetCurrentInstant();
            var options = HostSetup.Options(HostSetup.Configuration(CommandLine.Overrides(parse)), requireDropFolder: false, requireReportFolders: false);
            using var loggers = HostSetup.Loggers(quiet: true);
            using var workspace = HostSetup.Workspace(options, loggers);
            var explanation = CaseExplanation.Explain(workspace.Store, workspace.Policies, parse.GetValue(org)!, parse.GetValue(caseRef)!, instant, ReportTexts.English);
            Console.Out.Write(parse.GetValue(CommandLine.Json) ? explanation.ToJson(s => CsvOutput.Format(s)) + "\n" : explanation.ToText());
            if (parse.GetValue(png) is { } file)
            {
                File.WriteAllBytes(file, TimelinePicture.Render(explanation));
                Console.Error.WriteLine($"Timeline written to {file}.");
            }

            return Task.FromResult(0);
        }));
        return command;
    }

    /// <summary>An instant with its offset or in UTC, as <c>export --as-of</c> takes it.</summary>
    internal static Instant ParseInstant(string text)
    {
        var parsed = OffsetDateTimePattern.ExtendedIso.Parse(text);
        return parsed.Success ? parsed.Value.ToInstant()
            : InstantPattern.ExtendedIso.Parse(text) is { Success: true } utc ? utc.Value
            : throw new ArgumentException(
                $"--as-of '{text}' is not an instant: give a UTC time such as 2026-11-01T00:00:00Z or one with its offset such as 2026-11-01T00:00:00+01:00.");
    }
}
