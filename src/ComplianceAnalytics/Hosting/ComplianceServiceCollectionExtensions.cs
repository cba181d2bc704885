using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Quartz;

namespace ComplianceAnalytics.Hosting;

/// <summary>The registration of the scheduled host: options, workspace, jobs and their Quartz schedules.</summary>
public static class ComplianceServiceCollectionExtensions
{
    /// <summary>Shorter than the 20 seconds a service manager allows, so the store is closed before it kills us.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Binds and validates <c>Compliance</c> (at start-up), and registers the workspace, the jobs and
    /// the Quartz hosted service. Each job fires on its cron expression in Compliance:TimeZone and
    /// once at start-up, so work missed while the host was down is done once, not once per missed slot.
    /// </summary>
    public static IServiceCollection AddComplianceJobs(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ComplianceOptions>().Bind(configuration.GetSection(ComplianceOptions.Section))
            .PostConfigure(o => o.ResolveShippedFolders()).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ComplianceOptions>, ComplianceOptionsValidator>());
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton(sp => new ComplianceWorkspace(
            sp.GetRequiredService<IOptions<ComplianceOptions>>().Value, sp.GetRequiredService<IClock>(), sp.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton<JobRunner>();
        services.TryAddSingleton<DropFolderIngest>();
        services.TryAddSingleton<PackPublisher>();
        services.TryAddSingleton<ReturnPublisher>();

        // Opens the store as the host starts: a second process is refused then, not at the first job.
        services.AddHostedService<StoreLockService>();
        services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);

        var options = new ComplianceOptions();
        configuration.GetSection(ComplianceOptions.Section).Bind(options);
        services.AddQuartz(q =>
        {
            // A shutdown asks running jobs to stop through their token, then waits for them to unwind.
            q.ConfigureScheduler(s => s.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs);
            AddJob<IngestJob>(q, IngestJob.Key, options.Schedules.Ingest, options.TimeZone);
            AddJob<PacksJob>(q, PacksJob.Key, options.Schedules.Packs, options.TimeZone);
            AddJob<RetentionJob>(q, RetentionJob.Key, options.Schedules.Retention, options.TimeZone, catchUpAtStart: false);
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    private static void AddJob<TJob>(IQuartzBuilder quartz, JobKey key, string cron, string timeZone, bool catchUpAtStart = true)
        where TJob : IJob
    {
        quartz.AddJob<TJob>(j => j.WithIdentity(key));
        if (!IsUsable(cron, timeZone))
        {
            // The options validator names the bad setting when the host starts; no trigger is built from it.
            return;
        }

        quartz.AddTrigger(t => t.ForJob(key).WithIdentity(key.Name + "-schedule").WithCronSchedule(cron, s => s
            .InTimeZone(TimeZoneInfo.FindSystemTimeZoneById(timeZone))
            .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        if (catchUpAtStart)
        {
            quartz.AddTrigger(t => t.ForJob(key).WithIdentity(key.Name + "-start").StartNow());
        }
    }

    private static bool IsUsable(string cron, string timeZone) =>
        CronExpression.TryParse(cron, out _) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _);
}

/// <summary>Holds the store from start-up, so the one-writer rule is enforced for the host's whole life.</summary>
internal sealed class StoreLockService(ComplianceWorkspace workspace, ILogger<StoreLockService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var options = workspace.Options;
        _ = workspace.Store;
        HostingLog.Serving(logger, workspace.Store.Path, options.Schedules.Ingest, options.Schedules.Packs, options.Schedules.Retention, options.TimeZone);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
