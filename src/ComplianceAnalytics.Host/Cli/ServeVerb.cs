using System.CommandLine;
using ComplianceAnalytics.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ComplianceAnalytics.Host.Cli;

/// <summary><c>compliance serve [--db] [--policies] [--mappings]</c>: the scheduled host, until SIGTERM or Ctrl+C.</summary>
internal static class ServeVerb
{
    public static Command Build()
    {
        var command = new Command("serve", "Run the ingest, packs and retention jobs on their schedules until stopped.")
        {
            CommandLine.Database, CommandLine.Policies, CommandLine.Mappings,
        };
        command.SetAction((parse, cancellationToken) => CommandLine.Guard(async () =>
        {
            using var host = HostSetup.BuildHost(CommandLine.Overrides(parse));

            // Taken before running: RunAsync disposes the host and its services when it stops.
            var runner = host.Services.GetRequiredService<JobRunner>();
            await host.RunAsync(cancellationToken).ConfigureAwait(false);
            if (runner.StoreFailure is { } failure)
            {
                await Console.Error.WriteLineAsync("compliance: " + CommandLine.OneLine(failure.Message)).ConfigureAwait(false);
                return 1;
            }

            return 0;
        }));
        return command;
    }
}
