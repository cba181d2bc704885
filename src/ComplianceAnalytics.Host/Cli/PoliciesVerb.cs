using System.CommandLine;
using ComplianceAnalytics.Hosting;
using ComplianceAnalytics.Policies;
using Spectre.Console;

namespace ComplianceAnalytics.Host.Cli;

/// <summary><c>compliance policies [--policies DIR] [--json]</c>: the policies as the system reads them.</summary>
internal static class PoliciesVerb
{
    public static Command Build()
    {
        var command = new Command("policies", "Show the complaints procedures as the system reads them.") { CommandLine.Policies, CommandLine.Json };
        command.SetAction((parse, _) => CommandLine.Guard(() =>
        {
            var configuration = HostSetup.Configuration(CommandLine.Overrides(parse));
            var folder = ComplianceOptions.ResolveShipped(configuration["Compliance:PoliciesFolder"] ?? new ComplianceOptions().PoliciesFolder);
            var set = PolicyLoader.Load(folder);
            if (!set.IsValid)
            {
                foreach (var error in set.Errors)
                {
                    Console.Error.WriteLine(error.ToString());
                }

                Console.Error.WriteLine($"compliance: {set.Errors.Count} error(s) in the policies folder {folder}");
                return Task.FromResult(1);
            }

            if (parse.GetValue(CommandLine.Json))
            {
                Console.Out.WriteLine(PolicyJson.Serialize(set.All));
                return Task.FromResult(0);
            }

            foreach (var policy in set.All)
            {
                var table = new Table().Title($"{Markup.Escape(policy.Name)} ({Markup.Escape(policy.Org)}), {Markup.Escape(policy.TimeZone.Id)}, holidays: {Markup.Escape(policy.Holidays ?? "none")}")
                    .AddColumns("Stage", "Starts at", "Stops at", "Limit", "Pauses", "Extendable");
                foreach (var stage in policy.Stages)
                {
                    table.AddRow(
                        Markup.Escape(stage.Id), Markup.Escape(string.Join(", ", stage.Start)), Markup.Escape(string.Join(", ", stage.Stop)),
                        Markup.Escape(stage.Limit.ToString()),
                        Markup.Escape(stage.PauseOn.Count == 0 ? "-" : $"{string.Join(", ", stage.PauseOn)} until {string.Join(", ", stage.ResumeOn)}"),
                        stage.Extendable ? "yes" : "no");
                }

                foreach (var window in policy.CustomerWindows)
                {
                    table.AddRow(
                        Markup.Escape($"customer window {window.Id}"), Markup.Escape(string.Join(", ", window.From)),
                        Markup.Escape(string.Join(", ", window.To)), Markup.Escape(window.Limit.ToString()), "-", "-");
                }

                if (policy.Adr is { } adr)
                {
                    table.Caption(adr.EligibleAfter.IsDated
                        ? $"ADR eligible after {Markup.Escape(adr.EligibleAfter.ToString())}, counted from the first complaint_received (the version in force on its date)"
                        : $"ADR eligible after {Markup.Escape(adr.EligibleAfter.ToString())} from the first complaint_received");
                }

                AnsiConsole.Write(table);
            }

            return Task.FromResult(0);
        }));
        return command;
    }
}
