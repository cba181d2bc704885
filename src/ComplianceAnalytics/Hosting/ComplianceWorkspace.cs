using ComplianceAnalytics.Actions;
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
    private readonly Lock _policiesLock = new();
    private PolicySet? _policies;
    private string? _policiesStamp;
    private readonly Lazy<IReadOnlyList<MappingProfile>> _profiles;
    private readonly Lazy<ComplianceStore> _store;
    private readonly Lazy<Pseudonymiser> _pseudonymiser;

    /// <summary>A workspace on <paramref name="options"/>; nothing is opened until first used.</summary>
    public ComplianceWorkspace(ComplianceOptions options, IClock clock, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        Options = options;
        Clock = clock;
        Loggers = loggers;
        _profiles = new(() => MappingProfileLoader.LoadFolder(options.MappingsFolder));
        _store = new(() => ComplianceStore.Open(options.Database, resources: options.DuckDb.ToResources()));
        _pseudonymiser = new(() => new Pseudonymiser(
            PseudonymKeyProvider.Resolve(options.PseudonymKey, options.Database, loggers.CreateLogger<Pseudonymiser>())));
    }

    /// <summary>The validated options, folders resolved.</summary>
    public ComplianceOptions Options { get; }

    /// <summary>The clock of every "now": run times, the latest complete month, retention's cut-off.</summary>
    public IClock Clock { get; }

    /// <summary>The loggers of the process, for the jobs and what they open.</summary>
    public ILoggerFactory Loggers { get; }

    /// <summary>The policies; an invalid policies folder throws one exception listing every error.</summary>
    public PolicySet Policies
    {
        get
        {
            lock (_policiesLock)
            {
                return _policies ?? LoadPolicies(FolderStamp(Options.PoliciesFolder));
            }
        }
    }

    /// <summary>
    /// Reads the policies again when a file of their folder changed since they were read. Each job calls it as
    /// it starts, so a serving process measures with a policy as it is now (an edited rule is not left to the
    /// next restart) and the packs job finds the change to republish for.
    /// </summary>
    public void RefreshPolicies()
    {
        lock (_policiesLock)
        {
            var stamp = FolderStamp(Options.PoliciesFolder);
            if (_policies is null || !string.Equals(stamp, _policiesStamp, StringComparison.Ordinal))
            {
                LoadPolicies(stamp);
            }
        }
    }

    /// <summary>
    /// Records the policy files as this job or verb sees them in the store's policy history (policy_versions):
    /// every job and verb that evaluates with the policies calls it, so an auditor sees each version any of
    /// them used, not only those a report saw.
    /// </summary>
    public IReadOnlyList<PolicyChange> RecordPolicyVersions() => PolicyHistory.Record(Store, Policies, Clock.GetCurrentInstant());

    private PolicySet LoadPolicies(string stamp)
    {
        _policies = PolicyLoader.LoadOrThrow(Options.PoliciesFolder);
        _policiesStamp = stamp;
        return _policies;
    }

    /// <summary>The SHA-256 of every file under <paramref name="folder"/> with its relative path (the policies and calendars are small).</summary>
    private static string FolderStamp(string folder)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(folder, file) + "\n"));
                hash.AppendData(File.ReadAllBytes(file));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The mapping profiles of Compliance:MappingsFolder, read once on first use.</summary>
    public IReadOnlyList<MappingProfile> Profiles => _profiles.Value;

    /// <summary>The store, opened (created or upgraded) on first use; only one process may hold it.</summary>
    public ComplianceStore Store => _store.Value;

    /// <summary>The pseudonymiser under the configured key or the key file beside the store, resolved on first use.</summary>
    public Pseudonymiser Pseudonymiser => _pseudonymiser.Value;

    /// <summary>The zone in which schedules run and "the latest complete month" is decided.</summary>
    public DateTimeZone ScheduleZone => DateTimeZoneProviders.Tzdb[Options.TimeZone];

    /// <summary>
    /// The actions folder read now against the current policies (it is small, and an edited action
    /// shows in the next pack): strict when configured, lenient for the default (docs/actions.md).
    /// </summary>
    public ActionSet Actions()
    {
        var folder = Options.ActionsFolderInUse;
        var actions = ActionLoader.LoadOrThrow(folder, Policies, Options.ActionsFolderConfigured);
        if (actions.Skipped.Count > 0)
        {
            var logger = Loggers.CreateLogger<ComplianceWorkspace>();
            var skipped = string.Join("; ", actions.Skipped);
            HostingLog.ActionsSkipped(logger, folder, skipped);
        }

        return actions;
    }

    /// <summary>The month's report writer on this workspace's store, policies, clock, folders and actions.</summary>
    public MonthlyReport MonthlyReport(string? softwareVersion = null) => new(Store, Policies, Clock, ReportSettings(softwareVersion), Actions());

    /// <summary>The complaints return writer (contract §7) on this workspace's store, policies, clock and folders.</summary>
    public ComplaintsReturn ComplaintsReturn(string? softwareVersion = null) => new(Store, Policies, Clock, ReportSettings(softwareVersion));

    private ReportSettings ReportSettings(string? softwareVersion) =>
        new(
            Options.QueriesFolder,
            Options.ReportsFolder,
            Options.RetentionYears,
            string.IsNullOrWhiteSpace(Options.PseudonymKey) ? "key file beside the store" : "configured (Compliance:PseudonymKey)",
            softwareVersion,
            Options.GroupOutcomes.ToMargins(),
            Options.BreachTimelines)
        {
            CrossFirmPack = Options.CrossFirmPack,
            MinCases = Options.MinCases,
            DefaultTarget = Options.DefaultTarget,
            DueSoonDays = Options.DueSoonWorkingDays,
        };

    /// <summary>Closes the store if it was opened.</summary>
    public void Dispose()
    {
        if (_store.IsValueCreated)
        {
            _store.Value.Dispose();
        }
    }
}
