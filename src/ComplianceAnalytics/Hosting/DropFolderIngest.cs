using System.Globalization;
using ComplianceAnalytics.Clocks;
using ComplianceAnalytics.Ingestion;
using ComplianceAnalytics.Store;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace ComplianceAnalytics.Hosting;

/// <summary>
/// The ingest job: offers the drop folder's files to the ledger. A scheduled run takes only files
/// that have stopped changing (or carry a <c>.ready</c> marker), so a file still being written is
/// never half-ingested; a file the job has already offered with the same size and last write is not
/// hashed again.
/// </summary>
public sealed class DropFolderIngest
{
    private readonly ComplianceWorkspace _workspace;
    private readonly ILogger<DropFolderIngest> _logger;

    // Size and last write at the previous scan: a file whose size moved since then is still being written
    // even when its last-write time says otherwise (copies that preserve the source's time).
    private readonly Dictionary<string, (long Size, DateTime Modified)> _previousScan = new(StringComparer.Ordinal);

    /// <summary>The drop folder's ingest on <paramref name="workspace"/>; it remembers each scan's sizes to tell files still being written.</summary>
    public DropFolderIngest(ComplianceWorkspace workspace, ILogger<DropFolderIngest> logger)
    {
        _workspace = workspace;
        _logger = logger;
    }

    /// <summary>Ingests the ready files; <paramref name="onlyStable"/> false takes every file (run-once).</summary>
    public void Run(JobRun run, bool onlyStable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var store = _workspace.Store;
        var now = _workspace.Clock.GetCurrentInstant();
        var ready = new List<(string Path, long Size, DateTime Modified)>();
        int unchanged = 0, waiting = 0;
        var scanned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in ExportIngestion.Expand([_workspace.Options.DropFolder]))
        {
            var path = Path.GetFullPath(file);
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                continue;
            }

            var (size, modified) = (info.Length, info.LastWriteTimeUtc);
            scanned.Add(path);
            if (DropFiles.IsKnown(store, path, size, ToInstant(modified)))
            {
                unchanged++;
            }
            else if (!onlyStable || IsStable(path, size, modified, now))
            {
                ready.Add((path, size, modified));
            }
            else
            {
                waiting++;
                HostingLog.FileNotStable(_logger, path);
            }

            _previousScan[path] = (size, modified);
        }

        foreach (var gone in _previousScan.Keys.Where(p => !scanned.Contains(p)).ToList())
        {
            _previousScan.Remove(gone);
        }

        var results = new List<IngestResult>();
        void Update() => run.Detail = Describe(results, waiting, unchanged);
        Update();
        if (ready.Count == 0)
        {
            return;
        }

        var byPath = ready.ToDictionary(r => r.Path, StringComparer.Ordinal);
        var ingestion = new ExportIngestion(store, _workspace.Policies, _workspace.Profiles, _workspace.Pseudonymiser, _workspace.Clock);
        try
        {
            ingestion.Ingest([.. ready.Select(r => r.Path)], null, result =>
            {
                results.Add(result);
                Remember(byPath[result.File], result);
                Update();
            }, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ingestion re-evaluates the touched cases after its last file; a run stopped between files
            // re-evaluates the ones it loaded, so stored stage instances follow the events it committed.
            var loaded = results.Where(r => r.Status == FileStatuses.Loaded && r.RowsLoaded > 0).Select(r => r.FileId).ToList();
            if (loaded.Count > 0)
            {
                new CaseEvaluation(store, _workspace.Policies, Measures.ReportTexts.For).RefreshStored(loaded);
            }

            throw;
        }
    }

    /// <summary>Stable: a <c>.ready</c> marker beside it, or size and last write unchanged for StableSeconds.</summary>
    private bool IsStable(string path, long size, DateTime modified, Instant now)
    {
        if (File.Exists(path + ".ready"))
        {
            return true;
        }

        var quiet = now - ToInstant(modified) >= Duration.FromSeconds(_workspace.Options.StableSeconds);
        var sameAsLastScan = !_previousScan.TryGetValue(path, out var previous) || previous == (size, modified);
        return quiet && sameAsLastScan;
    }

    private void Remember((string Path, long Size, DateTime Modified) file, IngestResult result)
    {
        DropFiles.Remember(_workspace.Store, file.Path, file.Size, ToInstant(file.Modified), result.FileId, result.Status);
        if (result.Status == FileStatuses.Quarantined)
        {
            HostingLog.FileQuarantined(_logger, result.File, result.Message ?? string.Empty);
        }
        else
        {
            HostingLog.FileIngested(_logger, result.File, result.Status, result.RowsLoaded, result.RowsRejected);
        }
    }

    private static string Describe(IReadOnlyList<IngestResult> results, int waiting, int unchanged)
    {
        int Count(string status) => results.Count(r => r.Status == status);
        return string.Create(CultureInfo.InvariantCulture, $"""
            files: {Count(FileStatuses.Loaded)} loaded, {Count(FileStatuses.SkippedDuplicateFile)} skipped_duplicate_file, {Count(FileStatuses.Quarantined)} quarantined, {waiting} still changing, {unchanged} unchanged since last offered; rows: {results.Sum(r => r.RowsRead)} read, {results.Sum(r => r.RowsLoaded)} loaded, {results.Sum(r => r.RowsDuplicate)} duplicate, {results.Sum(r => r.RowsRejected)} rejected, {results.Sum(r => r.RowsIgnored)} ignored
            """);
    }

    private static Instant ToInstant(DateTime utc) => Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
