using System.Globalization;
using System.Text;
using ComplianceAnalytics.Hosting;
using ComplianceAnalytics.Tests.Policies;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace ComplianceAnalytics.Tests.Hosting;

/// <summary>A clock the test moves by hand.</summary>
internal sealed class TestClock(Instant now) : IClock
{
    public Instant Now { get; set; } = now;

    public Instant GetCurrentInstant() => Now;
}

/// <summary>Hears the host's log events, so a test can act at a given point of a job.</summary>
internal sealed class EventHook(Action<EventId> onEvent) : ILoggerProvider, ILogger
{
    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        onEvent(eventId);

    public void Dispose()
    {
    }
}

/// <summary>Keeps every log message the host writes, formatted as the console would show it, with any exception.</summary>
internal sealed class LogCapture : ILoggerProvider, ILogger
{
    private readonly List<string> _messages = [];

    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_messages)
        {
            _messages.Add($"{logLevel}: {formatter(state, exception)} {exception}");
        }
    }

    public void Dispose()
    {
    }
}

/// <summary>
/// A temporary drop folder, publish folder and store, with the sample policies and the repository's
/// queries, and the services of <see cref="ComplianceServiceCollectionExtensions.AddComplianceJobs"/>.
/// </summary>
internal sealed class HostingFixture : IDisposable
{
    private readonly ServiceProvider _services;

    public HostingFixture(Action<EventId>? onEvent = null, IDictionary<string, string?>? settings = null, ILoggerProvider? logs = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "hosting-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DropFolder);
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings(Root, settings)).Build();
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            if (onEvent is not null)
            {
                b.AddProvider(new EventHook(onEvent));
            }

            if (logs is not null)
            {
                b.AddProvider(logs);
            }
        });
        services.AddSingleton<IClock>(Clock);
        services.AddComplianceJobs(Configuration);
        _services = services.BuildServiceProvider();
    }

    public string Root { get; }

    public string DropFolder => Path.Combine(Root, "drop");

    public string PublishFolder => Path.Combine(Root, "publish");

    public string Database => Path.Combine(Root, "store.duckdb");

    public IConfiguration Configuration { get; }

    /// <summary>Mid-December 2026 in London: November 2026 is the latest complete month.</summary>
    public TestClock Clock { get; } = new(Instant.FromUtc(2026, 12, 15, 9, 0));

    public ComplianceWorkspace Workspace => _services.GetRequiredService<ComplianceWorkspace>();

    public JobRunner Runner => _services.GetRequiredService<JobRunner>();

    public static Dictionary<string, string?> Settings(string root, IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Compliance:Database"] = Path.Combine(root, "store.duckdb"),
            ["Compliance:DropFolder"] = Path.Combine(root, "drop"),
            ["Compliance:PublishFolder"] = Path.Combine(root, "publish"),
            ["Compliance:PoliciesFolder"] = RepositoryPaths.Policies,
            ["Compliance:MappingsFolder"] = Path.Combine(RepositoryPaths.Root, "sample-data", "mappings"),
            ["Compliance:QueriesFolder"] = Path.Combine(RepositoryPaths.Root, "queries"),
            ["Compliance:ReportsFolder"] = Path.Combine(RepositoryPaths.Root, "reports"),
            ["Compliance:PseudonymKey"] = Convert.ToHexString(new byte[32]),
            ["Compliance:StableSeconds"] = "30",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public Task<JobRun> IngestAsync(bool onlyStable = true, CancellationToken cancellationToken = default) =>
        Runner.RunAsync(IngestJob.Name, (run, ct) => Get<DropFolderIngest>().Run(run, onlyStable, ct), cancellationToken);

    public Task<JobRun> PacksAsync() =>
        Runner.RunAsync(PacksJob.Name, (run, ct) => PacksJob.Publish(run, Get<PackPublisher>(), Get<ReturnPublisher>(), ct), CancellationToken.None);

    /// <summary>A canonical jpdit export of <paramref name="cases"/> complaints received on <paramref name="day"/>, written long enough ago to be stable.</summary>
    public string Drop(string name, LocalDate day, int cases, string prefix = "C", bool old = true)
    {
        var path = Path.Combine(DropFolder, name);
        File.WriteAllText(path, Export(day, cases, prefix));
        if (old)
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddHours(-1));
        }

        return path;
    }

    public static string Export(LocalDate day, int cases, string prefix)
    {
        var text = new StringBuilder("org,case_ref,event_type,occurred_at,event_id\n");
        for (var i = 0; i < cases; i++)
        {
            var at = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"jpdit,{prefix}-{i},complaint_received,{at} 09:00:00,{prefix}-{i}-1\n");
            text.Append(CultureInfo.InvariantCulture, $"jpdit,{prefix}-{i},acknowledged,{at} 10:00:00,{prefix}-{i}-2\n");
        }

        return text.ToString();
    }

    public long Scalar(string sql, params object?[] parameters) => Workspace.Store.Connection.Scalar<long>(sql, parameters);

    public void Dispose()
    {
        _services.Dispose();
        Directory.Delete(Root, recursive: true);
    }
}
