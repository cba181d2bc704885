using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using ComplianceAnalytics.Hosting;
using ComplianceAnalytics.Measures;
using ComplianceAnalytics.Packs;
using ComplianceAnalytics.Privacy;
using NodaTime;

namespace ComplianceAnalytics.Publishing;

/// <summary>A file a job wrote, with its hash for the run log and the manifest.</summary>
public sealed record OutputFile(string Path, string Sha256)
{
    public static OutputFile Of(string path)
    {
        using var stream = File.OpenRead(path);
        return new OutputFile(path, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }
}

/// <summary>
/// One month's outputs: the contract's CSV files (contract §6) and the packs (<c>reports/*.yaml</c>),
/// all from the same evaluation and the same query results, written into one folder.
/// </summary>
public sealed class MonthlyReport
{
    /// <summary>The contract's measure files, each the result of the query of the same name.</summary>
    public static readonly IReadOnlyList<string> CsvMeasures = ["attainment", "durations", "adr_letters", "customer_windows"];

    private readonly ComplianceWorkspace _workspace;
    private readonly string _version;

    /// <param name="softwareVersion">The version the manifests state; this build's when null (tests fix it so snapshots hold across commits).</param>
    public MonthlyReport(ComplianceWorkspace workspace, string? softwareVersion = null)
    {
        _workspace = workspace;
        _version = softwareVersion ?? SoftwareVersion;
    }

    /// <summary>The version stamped into manifests: the product version and the commit it was built from.</summary>
    public static string SoftwareVersion =>
        typeof(MonthlyReport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>The file name of a pack's workbook for a month, e.g. <c>compliance-2026-03.xlsx</c>.</summary>
    public static string WorkbookName(string pack, YearMonth month) => $"{pack}-{ReportContext.FormatMonth(month)}.xlsx";

    /// <param name="pack">Only this pack's workbook (the CSV files are always written); all packs when null.</param>
    public IReadOnlyList<OutputFile> Write(YearMonth month, string outDir, string? pack = null)
    {
        Directory.CreateDirectory(outDir);
        var options = _workspace.Options;
        var queries = QueryCatalog.Load(ComplianceOptions.ResolveShipped(options.QueriesFolder));
        var packs = PackCatalog.Load(ComplianceOptions.ResolveShipped(options.ReportsFolder)).Select(pack);
        CheckQueries(packs, queries);

        var generatedAt = _workspace.Clock.GetCurrentInstant();
        var context = ReportContext.Prepare(_workspace.Store, _workspace.Policies, queries, month);
        ReportRunTable.Load(_workspace.Store, new ReportRun(
            ReportContext.FormatMonth(month),
            generatedAt,
            _version,
            options.RetentionYears,
            new Retention(_workspace.Store, _workspace.Clock, options.RetentionYears).Cutoff,
            string.IsNullOrWhiteSpace(options.PseudonymKey) ? "key file beside the store" : "configured (Compliance:PseudonymKey)"),
            queries,
            packs);

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

        var metadata = new WorkbookMetadata("ComplianceAnalytics " + _version, ReportContext.FormatMonth(month), generatedAt.ToDateTimeUtc());
        // The store is queried on this thread only; while one workbook is written on another thread,
        // the next pack's queries run here. One workbook is written at a time.
        Task<OutputFile>? writing = null;
        try
        {
            foreach (var (definition, _) in packs)
            {
                var tables = new Dictionary<string, PackTable>(StringComparer.Ordinal);
                foreach (var sheet in definition.Sheets)
                {
                    var result = Result(sheet.Query);
                    tables[sheet.Name] = new PackTable(result.Columns, result.Rows);
                }

                if (writing is not null)
                {
                    outputs.Add(writing.GetAwaiter().GetResult());
                }

                var path = Path.Combine(outDir, WorkbookName(definition.Name, month));
                writing = Task.Run(() =>
                {
                    WorkbookWriter.Write(definition, tables, path, metadata);
                    return OutputFile.Of(path);
                });
            }

            if (writing is not null)
            {
                outputs.Add(writing.GetAwaiter().GetResult());
            }
        }
        catch (Exception ex) when (writing is { IsCompleted: false })
        {
            // Nothing is left writing into the folder behind the caller's back, and no failure is lost.
            try
            {
                writing.GetAwaiter().GetResult();
            }
            catch (Exception writeFailure)
            {
                throw new AggregateException(ex, writeFailure);
            }

            throw;
        }

        return outputs;
    }

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
