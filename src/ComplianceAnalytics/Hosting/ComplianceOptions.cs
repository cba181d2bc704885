using ComplianceAnalytics.Measures;
using ComplianceAnalytics.Store;

namespace ComplianceAnalytics.Hosting;

/// <summary>The <c>Compliance</c> configuration section (contract §6).</summary>
public sealed class ComplianceOptions
{
    /// <summary>The configuration section these options bind from (<c>Compliance:*</c> keys, <c>Compliance__*</c> environment variables).</summary>
    public const string Section = "Compliance";

    /// <summary>The DuckDB store file.</summary>
    public string Database { get; set; } = "var/compliance.duckdb";

    /// <summary>Where exports are dropped for the ingest job.</summary>
    public string DropFolder { get; set; } = "sample-data/exports";

    /// <summary>The policies folder (one <c>&lt;org&gt;.yaml</c> per organisation, calendars under <c>calendars/</c>); beside the executable when not found from the working folder.</summary>
    public string PoliciesFolder { get; set; } = "sample-data/policies";

    /// <summary>The mapping profiles folder; no profiles (every file canonical) when it does not exist.</summary>
    public string MappingsFolder { get; set; } = "sample-data/mappings";

    /// <summary>
    /// The actions folder (one YAML per action, docs/actions.md). Unset: <see cref="DefaultActionsFolder"/>,
    /// read leniently (actions of orgs without a policy are left out); set: read strictly.
    /// </summary>
    public string? ActionsFolder { get; set; }

    /// <summary>The actions folder read, leniently, when <see cref="ActionsFolder"/> is not set: the sample firms' actions.</summary>
    public const string DefaultActionsFolder = "sample-data/actions";

    /// <summary>True when <see cref="ActionsFolder"/> was configured, so its problems must fail the run.</summary>
    public bool ActionsFolderConfigured => !string.IsNullOrWhiteSpace(ActionsFolder);

    /// <summary>The folder the actions are read from, configured or the default.</summary>
    public string ActionsFolderInUse => _resolvedActionsFolder ?? (ActionsFolderConfigured ? ActionsFolder! : DefaultActionsFolder);

    private string? _resolvedActionsFolder;

    /// <summary>Packs land in <c>PublishFolder/YYYY-MM/</c>.</summary>
    public string PublishFolder { get; set; } = "publish";

    /// <summary>The SQL of the measures; beside the executable when not found from the working folder.</summary>
    public string QueriesFolder { get; set; } = "queries";

    /// <summary>The pack definitions; beside the executable when not found from the working folder.</summary>
    public string ReportsFolder { get; set; } = "reports";

    /// <summary>The HMAC key for customer pseudonyms (hex or base64); a key file beside the store when empty.</summary>
    public string? PseudonymKey { get; set; }

    /// <summary>The zone in which cron expressions are read and "the latest complete month" is decided.</summary>
    public string TimeZone { get; set; } = "Europe/London";

    /// <summary>A dropped file is picked up once its size and time have not changed for this long (or it has a .ready marker).</summary>
    public int StableSeconds { get; set; } = 30;

    /// <summary>Cases whose last event is older than this many years are purged.</summary>
    public int RetentionYears { get; set; } = 6;

    /// <summary>How many of the month's worst breaches the compliance pack's Breach timelines sheet pictures.</summary>
    public int BreachTimelines { get; set; } = 10;

    /// <summary>
    /// Also write a cross-firm pack set (every organisation together, <c>DIR/group/</c>): only for a
    /// group that owns all the firms it reports for; off, each firm sees only its own workbooks.
    /// </summary>
    public bool CrossFirmPack { get; set; }

    /// <summary>
    /// The packs job publishes a firm's month marked incomplete when its data has not reached the
    /// month's end this many days after it; before that, the month waits for its data.
    /// </summary>
    public int IncompleteGraceDays { get; set; } = 10;

    /// <summary>A rate from fewer closed stage instances than this is shown grey ("too few cases"), not red/amber/green.</summary>
    public int MinCases { get; set; } = 5;

    /// <summary>The attainment target (0 to 1) of a stage whose policy sets no <c>target</c>.</summary>
    public double DefaultTarget { get; set; } = 0.95;

    /// <summary>The compliance pack's Due soon sheet lists open instances due within this many working days after the as-of.</summary>
    public int DueSoonWorkingDays { get; set; } = 2;

    /// <summary>When each scheduled job runs (<c>Compliance:Schedules</c>), in <see cref="TimeZone"/>.</summary>
    public ScheduleOptions Schedules { get; set; } = new();

    /// <summary>DuckDB's own resources (<c>Compliance:DuckDb</c>), applied to every connection the store opens.</summary>
    public DuckDbOptions DuckDb { get; set; } = new();

    /// <summary>When the director pack's Outcomes by group flags a group as worse than the rest.</summary>
    public GroupOutcomeOptions GroupOutcomes { get; set; } = new();

    /// <summary>
    /// Resolves the folders that ship with the executable (policies, mappings, queries, pack
    /// definitions) with <see cref="ResolveShipped"/>, so the embedded defaults work from any
    /// working folder; a folder that exists where it is given is kept as given. Done once, as the
    /// options are bound, so everything after reads the folders as resolved.
    /// </summary>
    public void ResolveShippedFolders()
    {
        PoliciesFolder = ResolveShipped(PoliciesFolder);
        MappingsFolder = ResolveShipped(MappingsFolder);
        QueriesFolder = ResolveShipped(QueriesFolder);
        ReportsFolder = ResolveShipped(ReportsFolder);
        _resolvedActionsFolder = ResolveShipped(ActionsFolderConfigured ? ActionsFolder! : DefaultActionsFolder);
    }

    /// <summary>
    /// A relative folder is looked for from the working folder first, then beside the executable,
    /// where the build copies <c>queries/</c>, <c>reports/</c> and <c>sample-data/policies</c> and <c>mappings</c>.
    /// </summary>
    public static string ResolveShipped(string folder) =>
        Path.IsPathRooted(folder) || Directory.Exists(folder) || !Directory.Exists(Path.Combine(AppContext.BaseDirectory, folder))
            ? folder
            : Path.Combine(AppContext.BaseDirectory, folder);
}

/// <summary>
/// DuckDB's memory and threads. Left alone DuckDB takes 80 % of the machine's memory and every core; a
/// bounded store lives beside other work, spilling to disk when it needs more.
/// </summary>
public sealed class DuckDbOptions
{
    /// <summary>DuckDB's <c>memory_limit</c>, e.g. 1GB or 512MB.</summary>
    public string MemoryLimit { get; set; } = StoreResources.DefaultMemoryLimit;

    /// <summary>DuckDB's <c>threads</c>; DuckDB's own default (one per core) when not set.</summary>
    public int? Threads { get; set; }

    /// <summary>The resources as the store applies them.</summary>
    public StoreResources ToResources() => new(MemoryLimit, Threads);
}

/// <summary>The margins of the Outcomes by group flags (docs/packs.md); the defaults are GroupOutcomeMargins'.</summary>
public sealed class GroupOutcomeOptions
{
    /// <summary>Both the group and the rest need at least this many closed cases in the period.</summary>
    public int MinClosedCases { get; set; } = GroupOutcomeMargins.Default.MinClosedCases;

    /// <summary>Uphold rate higher than the rest's by more than this fraction (0.10 = 10 points).</summary>
    public double UpholdRateMargin { get; set; } = GroupOutcomeMargins.Default.UpholdRate;

    /// <summary>Median days to close longer than the rest's by more than this many days.</summary>
    public double MedianDaysToCloseMargin { get; set; } = GroupOutcomeMargins.Default.MedianDaysToClose;

    /// <summary>Share closed within 8 weeks lower than the rest's by more than this fraction.</summary>
    public double WithinEightWeeksMargin { get; set; } = GroupOutcomeMargins.Default.WithinEightWeeks;

    /// <summary>The margins as the director pack's query takes them.</summary>
    public GroupOutcomeMargins ToMargins() => new(MinClosedCases, UpholdRateMargin, MedianDaysToCloseMargin, WithinEightWeeksMargin);
}

/// <summary>Quartz cron expressions (seconds first) for each job.</summary>
public sealed class ScheduleOptions
{
    /// <summary>The ingest job's schedule; every five minutes by default.</summary>
    public string Ingest { get; set; } = "0 */5 * * * ?";

    /// <summary>The packs job's schedule; 06:30 every day by default.</summary>
    public string Packs { get; set; } = "0 30 6 * * ?";

    /// <summary>The retention job's schedule; 03:00 every Sunday by default.</summary>
    public string Retention { get; set; } = "0 0 3 ? * SUN";
}
