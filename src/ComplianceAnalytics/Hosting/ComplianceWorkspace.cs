using ComplianceAnalytics.Exports;
using ComplianceAnalytics.Policies;
using ComplianceAnalytics.Privacy;
using ComplianceAnalytics.Publishing;
using ComplianceAnalytics.Store;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace ComplianceAnalytics.Hosting;

/// <summary>
/// Everything one process works with, opened on first use from the configured options: the
/// policies, the mapping profiles, the store and the pseudonymiser. The command-line verbs and the
/// scheduled jobs share it, so both read the inputs the same way.
/// </summary>
public sealed class ComplianceWorkspace : IDisposable
{
    private readonly Lazy<PolicySet> _policies;
    private readonly Lazy<IReadOnlyList<MappingProfile>> _profiles;
    private readonly Lazy<ComplianceStore> _store;
    private readonly Lazy<Pseudonymiser> _pseudonymiser;

    public ComplianceWorkspace(ComplianceOptions options, IClock clock, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        Options = options;
        Clock = clock;
        Loggers = loggers;
        _policies = new(() => PolicyLoader.LoadOrThrow(options.PoliciesFolder));
        _profiles = new(() => MappingProfileLoader.LoadFolder(options.MappingsFolder));
        _store = new(() => ComplianceStore.Open(options.Database));
        _pseudonymiser = new(() => new Pseudonymiser(
            PseudonymKeyProvider.Resolve(options.PseudonymKey, options.Database, loggers.CreateLogger<Pseudonymiser>())));
    }

    public ComplianceOptions Options { get; }

    public IClock Clock { get; }

    public ILoggerFactory Loggers { get; }

    /// <summary>The policies; an invalid policies folder throws one exception listing every error.</summary>
    public PolicySet Policies => _policies.Value;

    public IReadOnlyList<MappingProfile> Profiles => _profiles.Value;

    public ComplianceStore Store => _store.Value;

    public Pseudonymiser Pseudonymiser => _pseudonymiser.Value;

    /// <summary>The zone in which schedules run and "the latest complete month" is decided.</summary>
    public DateTimeZone ScheduleZone => DateTimeZoneProviders.Tzdb[Options.TimeZone];

    /// <summary>The month's report writer on this workspace's store, policies, clock and folders.</summary>
    public MonthlyReport MonthlyReport(string? softwareVersion = null) => new(
        Store,
        Policies,
        Clock,
        new ReportSettings(
            Options.QueriesFolder,
            Options.ReportsFolder,
            Options.RetentionYears,
            string.IsNullOrWhiteSpace(Options.PseudonymKey) ? "key file beside the store" : "configured (Compliance:PseudonymKey)",
            softwareVersion));

    public void Dispose()
    {
        if (_store.IsValueCreated)
        {
            _store.Value.Dispose();
        }
    }
}
