using ComplianceAnalytics.Clocks;
using ComplianceAnalytics.Exports;
using ComplianceAnalytics.Ingestion;
using ComplianceAnalytics.Policies;
using ComplianceAnalytics.Privacy;
using ComplianceAnalytics.Store;
using NodaTime;

namespace ComplianceAnalytics.Hosting;

/// <summary>
/// Ingests the files named by a set of paths (a folder's files in ordinal order of name), then
/// recomputes the stage instances of the cases those files touched, so that the stored instances
/// follow the events without a full re-evaluation on every run. It joins two steps of the data's
/// path (ingestion, then the clocks), so it lives with the jobs that run them, not in either.
/// </summary>
public sealed class ExportIngestion
{
    private readonly ComplianceStore _store;
    private readonly PolicySet _policies;
    private readonly FileIngestor _ingestor;

    /// <summary>An ingestion into <paramref name="store"/> under <paramref name="policies"/>' time zones, reading files with <paramref name="profiles"/> and pseudonymising with <paramref name="pseudonymiser"/>.</summary>
    public ExportIngestion(ComplianceStore store, PolicySet policies, IReadOnlyList<MappingProfile> profiles, Pseudonymiser pseudonymiser, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(policies);
        _store = store;
        _policies = policies;
        var zones = policies.All.ToDictionary(p => p.Org, p => p.TimeZone, StringComparer.Ordinal);
        _ingestor = new FileIngestor(store, zones, profiles, pseudonymiser, clock);
    }

    /// <summary>The files a path names: itself, or a folder's files (not its sub-folders) in ordinal order of name.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths) =>
        [.. paths.SelectMany(p => Directory.Exists(p)
            ? Directory.EnumerateFiles(p).Where(f => !IsMarker(f)).Order(StringComparer.Ordinal)
            : Enumerable.Repeat(p, 1))];

    /// <summary>
    /// The files of the paths given (as <see cref="Expand"/>) and, apart, the paths that do not exist:
    /// those are an error of the run (contract §6), never a ledger entry.
    /// </summary>
    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Missing) Resolve(IEnumerable<string> paths)
    {
        var given = paths.ToList();
        var missing = given.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
        return (Expand(given.Except(missing, StringComparer.Ordinal)), missing);
    }

    /// <summary>A <c>.ready</c> marker says its file is complete; it is not an export itself.</summary>
    public static bool IsMarker(string path) => path.EndsWith(".ready", StringComparison.Ordinal);

    /// <summary>
    /// Ingests each file in turn; one file's failure never stops the others, but a store that cannot be
    /// written stops the run (<see cref="StoreUnavailableException"/>).
    /// </summary>
    public IngestRun Ingest(IReadOnlyList<string> files, MappingProfile? profile = null, Action<IngestResult>? onFile = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var results = new List<IngestResult>();

        // A larger checkpoint threshold and one DuckDB thread per statement for the run's many small commits;
        // the evaluation afterwards sorts every touched event and gets the threads back.
        try
        {
            _store.UseIngestRunSettings();
            results.AddRange(_ingestor.IngestAll(files, profile, onFile, cancellationToken));
        }
        catch
        {
            _store.ResetIngestRunSettings(afterFailure: true);
            throw;
        }

        _store.ResetIngestRunSettings(afterFailure: false);

        var loadedFiles = results.Where(r => r.Status == FileStatuses.Loaded && r.RowsLoaded > 0).Select(r => r.FileId).ToList();
        var evaluation = loadedFiles.Count > 0
            ? new CaseEvaluation(_store, _policies, Measures.ReportTexts.For).RefreshStored(loadedFiles)
            : null;
        return new IngestRun(results, evaluation);
    }
}

/// <summary>The results of one ingestion run, file by file, and the re-evaluation it caused.</summary>
public sealed record IngestRun(IReadOnlyList<IngestResult> Files, EvaluationSummary? Evaluation);
