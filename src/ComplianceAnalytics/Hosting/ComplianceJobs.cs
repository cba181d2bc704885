using System.Globalization;
using ComplianceAnalytics.Privacy;
using Microsoft.Extensions.Logging;
using NodaTime.Text;
using Quartz;

namespace ComplianceAnalytics.Hosting;

/// <summary>The scheduled ingest job: the drop folder's files that have stopped changing.</summary>
[DisallowConcurrentExecution]
public sealed class IngestJob(JobRunner runner, DropFolderIngest ingest) : IJob
{
    /// <summary>The job's name in the run log, the schedules and <c>run-once</c>.</summary>
    public const string Name = "ingest";

    /// <summary>The job's key in the Quartz scheduler.</summary>
    public static readonly JobKey Key = new(Name);

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await runner.RunAsync(Name, (run, ct) => ingest.Run(run, onlyStable: true, ct), cancellationToken).ConfigureAwait(false);
}

/// <summary>
/// The scheduled packs job: the latest complete month, and any month whose inputs changed; then the
/// complaints return of each closed half-year, by the same rules.
/// </summary>
[DisallowConcurrentExecution]
public sealed class PacksJob(JobRunner runner, PackPublisher publisher, ReturnPublisher returns) : IJob
{
    /// <summary>The job's name in the run log, the schedules and <c>run-once</c>.</summary>
    public const string Name = "packs";

    /// <summary>The job's key in the Quartz scheduler.</summary>
    public static readonly JobKey Key = new(Name);

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await runner.RunAsync(Name, (run, ct) => Publish(run, publisher, returns, ct), cancellationToken).ConfigureAwait(false);

    /// <summary>The job's work, shared with <c>run-once</c>.</summary>
    public static void Publish(JobRun run, PackPublisher publisher, ReturnPublisher returns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        ArgumentNullException.ThrowIfNull(returns);
        publisher.Run(run, cancellationToken);
        returns.Run(run, cancellationToken);
    }
}

/// <summary>The scheduled retention job: purges the cases past Compliance:RetentionYears.</summary>
[DisallowConcurrentExecution]
public sealed class RetentionJob(JobRunner runner, ComplianceWorkspace workspace, ILogger<RetentionJob> logger) : IJob
{
    /// <summary>The job's name in the run log, the schedules and <c>run-once</c>.</summary>
    public const string Name = "retention";

    /// <summary>The job's key in the Quartz scheduler.</summary>
    public static readonly JobKey Key = new(Name);

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await runner.RunAsync(Name, (run, _) => Purge(run, workspace, logger), cancellationToken).ConfigureAwait(false);

    /// <summary>The job's work, shared with <c>run-once</c>.</summary>
    public static void Purge(JobRun run, ComplianceWorkspace workspace, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(workspace);

        // One transaction in Retention: there is no point between cases at which to stop.
        var retention = new Retention(workspace.Store, workspace.Clock, workspace.Options.RetentionYears);
        var cutoff = InstantPattern.ExtendedIso.Format(retention.Cutoff);
        var purged = retention.Purge();
        run.Detail = string.Create(
            CultureInfo.InvariantCulture,
            $"cut-off {cutoff}: {purged.Cases.Count} cases purged, {purged.Cases.Sum(c => c.Events)} events; {purged.UnattachedRejectedRows} rejected and {purged.UnattachedDuplicateRows} duplicate rows of no case");
        HostingLog.RetentionPurged(logger, purged.Cases.Count, cutoff);
    }
}
