using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using ComplianceAnalytics.Actions;
using ComplianceAnalytics.Measures;
using ComplianceAnalytics.Packs;
using ComplianceAnalytics.Policies;
using ComplianceAnalytics.Privacy;
using ComplianceAnalytics.Store;
using NodaTime;

namespace ComplianceAnalytics.Publishing;

/// <summary>A file a job wrote, with its hash for the run log and the manifest.</summary>
public sealed record OutputFile(string Path, string Sha256)
{
    /// <summary>The file at <paramref name="path"/> with its SHA-256 in lower-case hex, read as it is on disk now.</summary>
    public static OutputFile Of(string path)
    {
        using var stream = File.OpenRead(path);
        return new OutputFile(path, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }
}

/// <summary>Where a report finds its SQL and pack definitions, and what its manifest states.</summary>
/// <param name="QueriesFolder">The folder of the measures' SQL (<c>queries/</c>).</param>
/// <param name="ReportsFolder">The folder of the pack definitions (<c>reports/*.yaml</c>).</param>
/// <param name="RetentionYears">The retention period in whole years, stated in the manifests.</param>
/// <param name="KeySource">Where the pseudonym key comes from, for the manifest; never the key.</param>
/// <param name="SoftwareVersion">The version the manifests state; this build's when null (tests fix it so snapshots hold across commits).</param>
/// <param name="Margins">When the director pack's Outcomes by group flags a group; the defaults when null.</param>
/// <param name="BreachTimelines">How many of the month's worst breaches a pack with a Breach register pictures (Compliance:BreachTimelines).</param>
public sealed record ReportSettings(
    string QueriesFolder, string ReportsFolder, int RetentionYears, string KeySource, string? SoftwareVersion = null,
    GroupOutcomeMargins? Margins = null, int BreachTimelines = 10)
{
    /// <summary>Also write the cross-firm pack set under <see cref="MonthlyReport.GroupFolder"/> (Compliance:CrossFirmPack).</summary>
    public bool CrossFirmPack { get; init; }

    /// <summary>Fewer closed instances than this make a rate grey, not red/amber/green (Compliance:MinCases).</summary>
    public int MinCases { get; init; } = ReportContext.DefaultMinCases;

    /// <summary>The attainment target of a stage whose policy sets none (Compliance:DefaultTarget).</summary>
    public double DefaultTarget { get; init; } = ReportContext.DefaultTarget;

    /// <summary>The Due soon sheet's window in working days after the as-of (Compliance:DueSoonWorkingDays).</summary>
    public int DueSoonDays { get; init; } = ReportContext.DefaultDueSoonDays;
}

/// <summary>
/// One month's outputs: the contract's CSV files (contract §6) for every organisation together in
/// the folder, and each organisation's packs (<c>reports/*.yaml</c>) in <c>DIR/&lt;org&gt;/</c>, all
/// from the same evaluation and the same query results. A firm's workbooks hold only the rows of its
/// own organisation (<see cref="OrgSplit"/>).
/// </summary>
public sealed class MonthlyReport
{
    /// <summary>The contract's measure files, each the result of the query of the same name.</summary>
    public static readonly IReadOnlyList<string> CsvMeasures = ["attainment", "durations", "adr_letters", "customer_windows"];

    /// <summary>The query of the director's board pictures: the Control charts sheet's p-chart.</summary>
    private const string BoardQuery = "director_control_chart";

    /// <summary>The audit pack's Run log: read after the other workbooks are written (see <see cref="Write"/>).</summary>
    private const string RunLogQuery = "audit_run_log";

    private readonly ComplianceStore _store;
    private readonly PolicySet _policies;
    private readonly IClock _clock;
    private readonly ReportSettings _settings;
    private readonly string _version;
    private readonly ActionSet _actions;

    /// <summary>A report over <paramref name="store"/> under <paramref name="policies"/>, made as <paramref name="settings"/> say.</summary>
    /// <param name="store">The store whose events are reported.</param>
    /// <param name="policies">The policies that evaluate them and name the organisations.</param>
    /// <param name="clock">Stamps the manifests' generation time.</param>
    /// <param name="settings">Where the SQL and packs are, and what the manifests state.</param>
    /// <param name="actions">The actions the director pack measures; none when null.</param>
    public MonthlyReport(ComplianceStore store, PolicySet policies, IClock clock, ReportSettings settings, ActionSet? actions = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _store = store;
        _policies = policies;
        _clock = clock;
        _settings = settings;
        _version = settings.SoftwareVersion ?? SoftwareVersion;
        _actions = actions ?? ActionSet.Empty;
    }

    /// <summary>The version stamped into manifests: the product version and the commit it was built from.</summary>
    public static string SoftwareVersion =>
        typeof(MonthlyReport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>The folder (under the output folder) and scope name of the cross-firm pack set.</summary>
    public const string GroupFolder = "group";

    /// <summary>The file name of a pack's workbook for a firm and month, e.g. <c>compliance-halo-2026-03.xlsx</c>.</summary>
    public static string WorkbookName(string pack, string org, YearMonth month) => $"{pack}-{org}-{ReportContext.FormatMonth(month)}.xlsx";

    /// <summary>Where a firm's workbook for a month lands under the output folder: <c>&lt;org&gt;/&lt;pack&gt;-&lt;org&gt;-M.xlsx</c>.</summary>
    public static string WorkbookPath(string outDir, string pack, string org, YearMonth month) =>
        Path.Combine(outDir, org, WorkbookName(pack, org, month));

    /// <summary>Writes the month's CSV files and packs, and returns every file written with its hash.</summary>
    /// <param name="month">The report month; each organisation's as-of is its end in the organisation's time zone.</param>
    /// <param name="outDir">The output folder, created when absent; each firm's workbooks go under <c>&lt;org&gt;/</c>.</param>
    /// <param name="pack">Only this pack's workbook (the CSV files are always written); all packs when null.</param>
    /// <param name="beforeRunLog">
    /// Called with the files written so far just before the first workbook with a Run log sheet (the
    /// audit packs, written after every other): a job records its progress there, and the Run log is
    /// read after it, so the pack shows the run that made it.
    /// </param>
    /// <param name="whileWriting">
    /// Further work on the store (e.g. the period's return files), run once every query but the Run log's has run,
    /// while the workbooks are still being written; the files it gives are among those returned.
    /// </param>
    public IReadOnlyList<OutputFile> Write(
        YearMonth month, string outDir, string? pack = null, Action<IReadOnlyList<OutputFile>>? beforeRunLog = null,
        Func<IReadOnlyList<OutputFile>>? whileWriting = null)
    {
        Directory.CreateDirectory(outDir);
        var queries = QueryCatalog.Load(_settings.QueriesFolder);
        var packs = PackCatalog.Load(_settings.ReportsFolder).Select(pack);
        CheckQueries(packs, queries);

        var generatedAt = _clock.GetCurrentInstant();
        // The audit pack's policy history includes the versions this report is made from.
        PolicyHistory.Record(_store, _policies, generatedAt);
        var context = ReportContext.Prepare(_store, _policies, queries, month, _actions, _settings.Margins, _settings.MinCases, _settings.DefaultTarget, _settings.DueSoonDays);
        ReportRunTable.Load(
            _store,
            new ReportRun(
                ReportContext.FormatMonth(month),
                generatedAt,
                _version,
                _settings.RetentionYears,
                new Retention(_store, _clock, _settings.RetentionYears).Cutoff,
                _settings.KeySource),
            queries,
            packs.Select(p => (Path.GetFileName(p.Definition.SourcePath), p.Sha256)));

        // A query shared by several sheets, or by a sheet and a CSV file, runs once, so they show the same figures.
        var results = new Dictionary<string, QueryTable>(StringComparer.Ordinal);
        QueryTable Result(string query)
        {
            if (!results.TryGetValue(query, out var result))
            {
                result = context.Run(query);
                results[query] = result;
            }

            return result;
        }

        var outputs = new List<OutputFile>();
        foreach (var measure in CsvMeasures)
        {
            var path = Path.Combine(outDir, measure + ".csv");
            CsvOutput.Write(path, Result(measure));
            outputs.Add(OutputFile.Of(path));
        }

        // The store is queried on this thread only, each query once for every firm; the files are written on
        // the lane's thread meanwhile, in order, one workbook at a time (WritingLane).
        var lane = new WritingLane();
        try
        {
            // The director's board pictures, one per organisation, in its folder beside its packs and on its director
            // pack's cover (docs/explain.md). Pictures are drawn on the thread pool from the moment their data is
            // known, beside the store's thread and the lane, which waits for each where it writes it.
            var boards = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            if (packs.Any(p => p.Definition.Name == BoardPicture.Pack) && queries.Contains(BoardQuery))
            {
                foreach (var (orgName, org, points) in BoardPicture.ByOrganisation(Result(BoardQuery)))
                {
                    var texts = ReportTexts.For(_policies.Find(org)?.Language ?? Policy.DefaultLanguage);
                    var drawing = Task.Run(() => BoardPicture.Render(orgName, ReportContext.FormatMonth(month), points, texts));
                    lane.Add(() =>
                    {
                        var path = Path.Combine(outDir, org, BoardPicture.FileName(org, ReportContext.FormatMonth(month)));
                        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                        boards[org] = drawing.GetAwaiter().GetResult();
                        File.WriteAllBytes(path, boards[org]);
                        return [OutputFile.Of(path)];
                    });
                }
            }

            var scopes = _policies.All.OrderBy(p => p.Org, StringComparer.Ordinal)
                .Select(p => (Scope: p.Org, Name: p.Name, Filter: (string?)p.Org, Texts: ReportTexts.For(p.Language), p.Currency)).ToList();
            if (_settings.CrossFirmPack)
            {
                // Firms of several currencies and languages together: English, amounts without a sign.
                scopes.Add((GroupFolder, "All organisations", null, ReportTexts.English, null));
            }

            // Workbooks reading the run log come last, each firm's, so the run can record what it wrote before them.
            bool ReadsRunLog(PackDefinition definition) => definition.Sheets.Any(s => s.Query == RunLogQuery);
            var workbooks = scopes.SelectMany(s => packs.Select(p => (s.Scope, s.Name, s.Filter, s.Texts, s.Currency, p.Definition)))
                .OrderBy(w => ReadsRunLog(w.Definition)).ToList();
            var runLogRead = false;
            foreach (var (scope, name, filter, texts, currency, definition) in workbooks)
            {
                if (!runLogRead && ReadsRunLog(definition))
                {
                    // The store's thread would wait here for the lane: it runs the remaining workbooks' other
                    // queries, and the caller's further work, meanwhile.
                    foreach (var query in workbooks.Where(w => ReadsRunLog(w.Definition)).SelectMany(w => w.Definition.Sheets).Select(s => s.Query))
                    {
                        if (query != RunLogQuery)
                        {
                            Result(query);
                        }
                    }

                    outputs.AddRange(whileWriting?.Invoke() ?? []);

                    // Everything before is written, and recorded by the run, before the run log is read.
                    outputs.AddRange(lane.Finish());
                    lane.Dispose();
                    lane = new WritingLane();
                    beforeRunLog?.Invoke(outputs);
                    results.Remove(RunLogQuery);
                    runLogRead = true;
                }

                var tables = new Dictionary<string, PackTable>(StringComparer.Ordinal);
                foreach (var sheet in definition.Sheets)
                {
                    var result = filter is null ? Result(sheet.Query) : OrgSplit.ForOrg(Result(sheet.Query), filter);
                    tables[sheet.Name] = new PackTable(result.Columns, result.Rows);
                }

                var layout = filter is null ? WithOrganisation(definition, tables) : definition;
                var path = WorkbookPath(outDir, definition.Name, scope, month);
                var metadata = new WorkbookMetadata(
                    "ComplianceAnalytics " + _version, ReportContext.FormatMonth(month), generatedAt.ToDateTimeUtc())
                {
                    Organisation = name,
                    PackTitle = texts.Text(definition.Title),
                    Texts = texts,
                    Currency = currency,
                };
                // Explained here, on the store's thread; drawn on the thread pool; inserted by the lane once ClosedXML has saved.
                var timelines = definition.Sheets.Any(s => s.Name == BreachTimelines.AfterSheet) && queries.Contains(BreachTimelines.Query)
                    ? BreachTimelines.Prepare(
                        _store, _policies,
                        filter is null ? Result(BreachTimelines.Query) : OrgSplit.ForOrg(Result(BreachTimelines.Query), filter),
                        month, _settings.BreachTimelines).Select(Task.Run).ToList()
                    : null;
                var withBoard = definition.Name == BoardPicture.Pack;
                lane.Add(() =>
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    WorkbookWriter.Write(layout, tables, path, metadata);
                    if (timelines is not null)
                    {
                        BreachTimelines.Insert(path, [.. timelines.Select(drawing => drawing.GetAwaiter().GetResult())], texts);
                    }

                    if (withBoard && boards.TryGetValue(scope, out var board))
                    {
                        CoverPicture.Insert(path, board, "Board picture", BoardPicture.Description(name, ReportContext.FormatMonth(month), texts));
                    }

                    return [OutputFile.Of(path)];
                });
            }

            if (!runLogRead)
            {
                outputs.AddRange(whileWriting?.Invoke() ?? []);
            }

            outputs.AddRange(lane.Finish());
        }
        catch (Exception ex) when (!lane.Ended)
        {
            // Nothing is left writing into the folder behind the caller's back, and no failure is lost.
            if (lane.Stop() is { } writeFailure)
            {
                throw new AggregateException(ex, writeFailure);
            }

            throw;
        }
        finally
        {
            lane.Dispose();
        }

        return outputs;
    }

    /// <summary>
    /// The cross-firm pack's layout: every sheet whose table names the organisation but whose columns
    /// do not show it gets an Organisation column first, so one firm's rows can be told from another's;
    /// not the cover (the first sheet), whose rows name each firm.
    /// </summary>
    private static PackDefinition WithOrganisation(PackDefinition definition, Dictionary<string, PackTable> tables) =>
        definition with
        {
            Sheets = definition.Sheets.Select(sheet =>
            {
                var table = tables[sheet.Name];
                var source = table.IndexOf("org_name") >= 0 ? "org_name" : table.IndexOf("org") >= 0 ? "org" : null;
                return sheet == definition.Sheets[0] || sheet.Columns is null || source is null || sheet.Columns.Any(c => c.Source is "org_name" or "org")
                    ? sheet
                    : sheet with { Columns = [new ColumnDefinition(source, OrganisationHeader, null, 20), .. sheet.Columns] };
            }).ToList(),
        };

    /// <summary>The header of the column <see cref="WithOrganisation"/> adds.</summary>
    public const string OrganisationHeader = "Organisation";

    private static void CheckQueries(IReadOnlyList<(PackDefinition Definition, string Sha256)> packs, QueryCatalog queries)
    {
        var missing = packs.SelectMany(p => p.Definition.Sheets
                .Where(s => !queries.Contains(s.Query))
                .Select(s => string.Create(CultureInfo.InvariantCulture, $"{p.Definition.SourcePath}: sheet '{s.Name}': query '{s.Query}'")))
            .ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Pack definitions name queries that are not in {queries.Folder}: {string.Join("; ", missing)}.");
        }
    }
}
