using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ComplianceAnalytics.Measures;
using ComplianceAnalytics.Publishing;
using ComplianceAnalytics.Store;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace ComplianceAnalytics.Hosting;

/// <summary>
/// The packs job: publishes each month from the first with data up to the latest complete month
/// (in Compliance:TimeZone) whose inputs differ from those its packs were made from: on a fresh
/// store that is every month, later the newly completed month and any month whose events or queries
/// changed, or whose policy rules changed (a dated version only from its date on: <see cref="PublishedRules"/>). Packs land in <c>PublishFolder/YYYY-MM/</c> as <c>report</c> writes them
/// (the CSV files, and each firm's workbooks in <c>&lt;org&gt;/</c>); a republished month's earlier
/// files move to <c>superseded/RUN-ID/</c> beside them.
/// </summary>
public sealed class PackPublisher
{
    /// <summary>The subfolder of a republished period's folder that keeps its earlier files, one folder per run id.</summary>
    internal const string SupersededFolder = "superseded";
    /// <summary>The subfolder of the publish folder where a run writes before moving its files into place.</summary>
    internal const string StagingFolder = ".staging";

    private readonly ComplianceWorkspace _workspace;
    private readonly ILogger<PackPublisher> _logger;

    /// <summary>The packs job's publisher on <paramref name="workspace"/>'s store, policies and publish folder.</summary>
    public PackPublisher(ComplianceWorkspace workspace, ILogger<PackPublisher> logger)
    {
        _workspace = workspace;
        _logger = logger;
    }

    private string PublishRoot => Path.GetFullPath(_workspace.Options.PublishFolder);

    /// <remarks>
    /// Before a month's audit packs are written, the run's row records what it has written so far
    /// (earlier months, this month's CSV files and other packs), so the audit pack's Run log shows the
    /// run that made it; its end, outcome and the audit packs' own hashes follow in later packs.
    /// </remarks>
    public void Run(JobRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        Run(
            run,
            (month, dir) => _workspace.MonthlyReport().Write(
                month,
                dir,
                beforeRunLog: written => new RunLog(_workspace.Store).Progress(
                    run.RunId,
                    $"{run.Detail}; writing {ReportContext.FormatMonth(month)}, its audit packs last",
                    [.. run.Outputs, .. written])),
            cancellationToken);
    }

    /// <summary>As <see cref="Run(JobRun, CancellationToken)"/>, with the writer of a month's files into a folder given.</summary>
    internal void Run(JobRun run, Func<YearMonth, string, IReadOnlyList<OutputFile>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var inputs = InputsHash();
        // Why months are republished: the rules each month depends on, compared with those it was published
        // under (PublishedRules), so a dated version republishes only the months from its date on.
        var reasons = new List<string>();
        var published = new List<string>();
        var waiting = new List<string>();
        var due = DueMonths();
        run.Detail = "no month has data up to the latest complete month";
        foreach (var month in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rules = PublishedRules.ForMonth(_workspace.Policies, month);
            var fingerprint = Fingerprint(month, inputs, rules);
            var monthName = ReportContext.FormatMonth(month);
            var last = PublishedPacks.Find(_workspace.Store, monthName);
            var (previous, previousRules) = (last?.Fingerprint, last?.PolicyRules);

            if (previous == fingerprint)
            {
                continue;
            }

            // A firm whose data has not reached the month's end holds the month back until the grace
            // runs out; then the month is published, its covers saying the data is incomplete.
            var (incomplete, graceEnds) = Incomplete(month);
            if (incomplete.Count > 0 && _workspace.Clock.GetCurrentInstant() < graceEnds)
            {
                waiting.Add(string.Create(CultureInfo.InvariantCulture, $"{monthName} waits for data of {string.Join(", ", incomplete)} until {graceEnds.InZone(_workspace.ScheduleZone).Date:yyyy'-'MM'-'dd}"));
                run.Detail = Describe(due, published, reasons, waiting);
                continue;
            }

            run.Outputs.AddRange(Publish(month, run.RunId, fingerprint, write, rules.ToJson()));
            var monthDir = MonthFolder(month);
            var policyChanges = PublishedRules.FromJson(previousRules) is { } before ? rules.ChangesSince(before) : [];
            reasons.AddRange(policyChanges.Where(c => !reasons.Contains(c, StringComparer.Ordinal)));
            var reason = previous is null ? "first publication" : policyChanges.Count > 0 ? string.Join("; ", policyChanges) : "inputs changed";
            HostingLog.MonthPublished(_logger, monthName, monthDir, reason);
            published.Add(monthName + (previous is null ? string.Empty : " (republished)")
                + (incomplete.Count > 0 ? $" (incomplete: {string.Join(", ", incomplete)})" : string.Empty));
            run.Detail = Describe(due, published, reasons, waiting);
        }

        if (due.Count > 0)
        {
            run.Detail = Describe(due, published, reasons, waiting);
        }
    }

    /// <summary>Days before a month's end within which a firm's last event counts as reaching it (as in queries/_coverage.sql).</summary>
    internal const int CoverageToleranceDays = 4;

    /// <summary>
    /// The firms with data before the month's end whose last event falls short of it (queries/_coverage.sql's
    /// cut_short or none), and when the month's grace (Compliance:IncompleteGraceDays) runs out.
    /// </summary>
    internal (IReadOnlyList<string> Orgs, Instant GraceEnds) Incomplete(YearMonth month) =>
        Incomplete(_workspace, zone => ReportContext.MonthEnd(month, zone));

    /// <summary>
    /// As <see cref="Incomplete(YearMonth)"/> for any period, given its end (first instant after it) in a
    /// zone: the complaints return's half-years are held by the same rule.
    /// </summary>
    internal static (IReadOnlyList<string> Orgs, Instant GraceEnds) Incomplete(ComplianceWorkspace workspace, Func<DateTimeZone, Instant> endOf)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(endOf);
        var orgs = new List<string>();
        var latestEnd = endOf(workspace.ScheduleZone);
        foreach (var policy in workspace.Policies.All.OrderBy(p => p.Org, StringComparer.Ordinal))
        {
            var end = endOf(policy.TimeZone);
            latestEnd = Instant.Max(latestEnd, end);
            if (EventSpan.StopsShort(workspace.Store, policy.Org, end, end - Duration.FromDays(CoverageToleranceDays)))
            {
                orgs.Add(policy.Org);
            }
        }

        return (orgs, latestEnd + Duration.FromDays(workspace.Options.IncompleteGraceDays));
    }

    /// <summary>The months from the first with events to the latest complete month, in the schedule's zone.</summary>
    internal IReadOnlyList<YearMonth> DueMonths()
    {
        var first = EventSpan.First(_workspace.Store);
        if (first is null)
        {
            return [];
        }

        var zone = _workspace.ScheduleZone;
        var latest = MonthOf(_workspace.Clock.GetCurrentInstant(), zone).PlusMonths(-1);
        var months = new List<YearMonth>();
        for (var month = MonthOf(first.Value, zone); month <= latest; month = month.PlusMonths(1))
        {
            months.Add(month);
        }

        return months;
    }

    /// <summary>
    /// What a month's packs depend on: the events before its end (their count and the newest file
    /// they came from), the queries, pack definitions and actions, and the rules of the policies
    /// that can change its figures (<see cref="PublishedRules"/>).
    /// </summary>
    internal string Fingerprint(YearMonth month, string inputsHash, PublishedRules rules)
    {
        var end = _workspace.Policies.All.Select(p => ReportContext.MonthEnd(month, p.TimeZone))
            .DefaultIfEmpty(ReportContext.MonthEnd(month, _workspace.ScheduleZone)).Max();
        var (events, maxFile) = EventSpan.Before(_workspace.Store, end);
        return string.Create(CultureInfo.InvariantCulture, $"events={events};max_file={maxFile};inputs={inputsHash};rules={rules.Hash()}");
    }

    /// <summary>
    /// Writes the month into a staging folder under the publish folder (same file system, so each
    /// move into place is an atomic rename), moves any earlier files aside, then moves the new ones in.
    /// </summary>
    /// <param name="month">The month published.</param>
    /// <param name="runId">The run's id, naming its staging and superseded folders.</param>
    /// <param name="fingerprint">The hash of the month's inputs, recorded in published_packs to tell the next change.</param>
    /// <param name="write">Writes the month's files into the folder it is given and returns them.</param>
    /// <param name="policyRules">The month's <see cref="PublishedRules"/> as JSON, kept to tell the next change apart.</param>
    internal IReadOnlyList<OutputFile> Publish(YearMonth month, string runId, string fingerprint, Func<YearMonth, string, IReadOnlyList<OutputFile>> write, string? policyRules = null)
    {
        ArgumentNullException.ThrowIfNull(write);
        var monthDir = MonthFolder(month);
        var staging = Path.Combine(PublishRoot, StagingFolder, runId, ReportContext.FormatMonth(month));
        try
        {
            Directory.CreateDirectory(staging);
            var written = write(month, staging);
            // Only a file's path relative to the staging folder is used (its name alone when it claims
            // to be elsewhere), on both sides, and it may hold one firm folder at most (<org>/…): nothing
            // is taken from outside the staging folder nor put outside the month's folder.
            var targets = written.Select(o => Relative(staging, o.Path))
                .Select(relative => (Source: Inside(staging, relative), Target: Inside(monthDir, relative))).ToList();

            Directory.CreateDirectory(monthDir);
            var earlier = Directory.GetFiles(monthDir, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetRelativePath(monthDir, f).StartsWith(SupersededFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .ToList();
            if (earlier.Count > 0)
            {
                var superseded = Inside(Path.Combine(monthDir, SupersededFolder), runId);
                foreach (var file in earlier)
                {
                    var aside = Path.Combine(superseded, Path.GetRelativePath(monthDir, file));
                    Directory.CreateDirectory(Path.GetDirectoryName(aside)!);
                    File.Move(file, aside);
                }

                var monthText = ReportContext.FormatMonth(month);
                HostingLog.MonthSuperseded(_logger, monthText, superseded);
            }

            var placed = new List<OutputFile>();
            foreach (var (source, target) in targets)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(source, target, overwrite: true);
                placed.Add(OutputFile.Of(target));
            }

            PublishedPacks.Record(
                _workspace.Store, ReportContext.FormatMonth(month), fingerprint, runId, _workspace.Clock.GetCurrentInstant(), RunLog.OutputsJson(placed), policyRules);
            return placed;
        }
        finally
        {
            var runStaging = Path.Combine(PublishRoot, StagingFolder, runId);
            if (Directory.Exists(runStaging))
            {
                Directory.Delete(runStaging, recursive: true);
            }
        }
    }

    private string MonthFolder(YearMonth month) => Inside(PublishRoot, ReportContext.FormatMonth(month));

    /// <summary>A path a writer returned, relative to the folder it wrote into; only its file name when it claims to be outside it.</summary>
    internal static string Relative(string folder, string path)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(folder), Path.GetFullPath(path));
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? Path.GetFileName(path) : relative;
    }

    /// <summary>
    /// A file name, or a firm folder and a file name, joined to a folder; refused unless the result
    /// is directly inside the folder or inside one of its direct subfolders.
    /// </summary>
    internal static string Inside(string folder, string name)
    {
        var parent = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar);
        var full = Path.GetFullPath(Path.Combine(parent, name));
        var directory = Path.GetDirectoryName(full);
        var inside = string.Equals(directory, parent, StringComparison.Ordinal)
            || string.Equals(Path.GetDirectoryName(directory), parent, StringComparison.Ordinal);
        if (string.IsNullOrEmpty(name) || !inside)
        {
            throw new InvalidOperationException($"Refusing to publish '{name}': it would land outside {parent}.");
        }

        return full;
    }

    /// <summary>The hash of every file the packs are computed from besides the events and the policies (compared rule by rule, <see cref="PublishedRules"/>).</summary>
    private string InputsHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var options = _workspace.Options;
        foreach (var (label, folder) in new[]
        {
            ("queries", options.QueriesFolder),
            ("reports", options.ReportsFolder),
            ("actions", options.ActionsFolderInUse),
        })
        {
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                hash.AppendData(Encoding.UTF8.GetBytes(label + "/" + Path.GetRelativePath(folder, file) + "\n"));
                hash.AppendData(File.ReadAllBytes(file));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static YearMonth MonthOf(Instant instant, DateTimeZone zone)
    {
        var date = instant.InZone(zone).Date;
        return new YearMonth(date.Year, date.Month);
    }

    private static string Describe(IReadOnlyList<YearMonth> due, List<string> published, List<string> reasons, List<string> waiting) =>
        string.Create(CultureInfo.InvariantCulture, $"""
            {(reasons.Count > 0 ? string.Join("; ", reasons) + "; " : string.Empty)}months {ReportContext.FormatMonth(due[0])}..{ReportContext.FormatMonth(due[^1])}: {published.Count} published{(published.Count == 0 ? (waiting.Count == 0 ? " (all up to date)" : string.Empty) : ": " + string.Join(", ", published))}{(waiting.Count == 0 ? string.Empty : "; " + string.Join("; ", waiting))}
            """);
}
