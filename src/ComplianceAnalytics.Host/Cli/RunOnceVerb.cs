using System.CommandLine;
using ComplianceAnalytics.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ComplianceAnalytics.Host.Cli;

/// <summary>
/// <c>compliance run-once [--db] [--policies] [--mappings]</c>: every scheduled job once, now, with the
/// services <c>serve</c> uses: ingest over every file of the drop folder (stable or not), the packs,
/// then retention.
/// </summary>
internal static class RunOnceVerb
{
    public static Command Build()
    {
        var command = new Command("run-once", "Run every scheduled job once, now (ingest the drop folder, publish the due packs, purge expired cases), then exit.")
        {
            CommandLine.Database, CommandLine.Policies, CommandLine.Mappings,
        };
        command.SetAction((parse, cancellationToken) => CommandLine.Guard(async () =>
        {
            using var host = HostSetup.BuildHost(CommandLine.Overrides(parse));
            var services = host.Services;
            var options = services.GetRequiredService<IOptions<ComplianceOptions>>().Value;
            var runner = services.GetRequiredService<JobRunner>();
            var ingest = services.GetRequiredService<DropFolderIngest>();
            var publisher = services.GetRequiredService<PackPublisher>();
            var returns = services.GetRequiredService<ReturnPublisher>();
            var runs = new List<JobRun>
            {
                await runner.RunAsync(IngestJob.Name, (run, ct) => ingest.Run(run, onlyStable: false, ct), cancellationToken).ConfigureAwait(false),
            };
            cancellationToken.ThrowIfCancellationRequested();
            runs.Add(await runner.RunAsync(PacksJob.Name, (run, ct) => PacksJob.Publish(run, publisher, returns, ct), cancellationToken).ConfigureAwait(false));
            cancellationToken.ThrowIfCancellationRequested();
            var workspace = services.GetRequiredService<ComplianceWorkspace>();
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger<RetentionJob>();
            runs.Add(await runner.RunAsync(RetentionJob.Name, (run, _) => RetentionJob.Purge(run, workspace, logger), cancellationToken).ConfigureAwait(false));

            foreach (var run in runs)
            {
                await Console.Out.WriteLineAsync($"{run.Job}: {run.Outcome} ({run.RunId}) {run.Detail}").ConfigureAwait(false);
            }

            await Console.Out.WriteLineAsync($"Packs are in {Path.GetFullPath(options.PublishFolder)}; the store is {Path.GetFullPath(options.Database)}.").ConfigureAwait(false);
            var failed = runs.FirstOrDefault(r => r.Outcome != RunOutcomes.Succeeded);
            if (failed is not null)
            {
                await Console.Error.WriteLineAsync($"compliance: the {failed.Job} job {failed.Outcome}: {CommandLine.OneLine(failed.Detail)}").ConfigureAwait(false);
                return failed.Outcome == RunOutcomes.Cancelled ? 130 : 1;
            }

            return 0;
        }));
        return command;
    }
}
