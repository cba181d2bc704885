using NodaTime;

namespace ComplianceAnalytics.SampleData;

/// <summary>What to generate: <paramref name="Cases"/> complaints received from <paramref name="Start"/> over <paramref name="Months"/> months.</summary>
public sealed record SampleOptions(int Cases, int Seed, string OutDir, LocalDate Start, int Months = 14);

/// <summary>The kinds of deliberately bad or hostile rows the generator plants.</summary>
public enum PlantedRowKind
{
    /// <summary>A copy of an event without <c>case_ref</c> (rejected: missing_field).</summary>
    MissingCaseRef,

    /// <summary>A copy with an event type no one knows (rejected: unknown_event_type).</summary>
    UnknownEventType,

    /// <summary>A copy with <c>occurred_at</c> such as <c>31/02/2026</c> or <c>yesterday</c> (rejected: bad_timestamp).</summary>
    BadTimestamp,

    /// <summary>A <c>deadline_extended</c> written without <c>due_at</c> (rejected: bad_due_at).</summary>
    MissingDueAt,

    /// <summary>A row for <c>acme</c>, an org with no policy (rejected: unknown_org).</summary>
    UnknownOrg,

    /// <summary>The same row twice in one file (duplicate).</summary>
    DuplicateWithinFile,

    /// <summary>The same row again in the org's neighbouring month file (duplicate).</summary>
    DuplicateAcrossFiles,

    /// <summary>A CSV row short of a field, or a JSON line cut off (rejected: malformed_row).</summary>
    MalformedRow,

    /// <summary>
    /// A valid row whose team or category starts with <c>=HYPERLINK(</c>: it loads, and must stay
    /// text in every workbook and CSV written from it.
    /// </summary>
    FormulaText,

    /// <summary>
    /// A copy with <c>vulnerable</c> <c>maybe</c> or <c>redress_amount</c> <c>12,50</c> (rejected: bad_value),
    /// drawn from a random stream of its own so that no journey or other planted row changes with it.
    /// </summary>
    BadValue,
}

/// <summary>One export file written, its path relative to the output folder ('/'-separated).</summary>
public sealed record SampleFile(string Path, int Rows, long Bytes);

/// <summary>What a generation wrote and what it planted, for tests that check ingestion against it.</summary>
public sealed record SampleSummary(
    int Cases,
    IReadOnlyList<SampleFile> Files,
    string MappingProfile,
    IReadOnlyDictionary<PlantedRowKind, int> Planted,
    int UnmappedRows)
{
    /// <summary>Data rows over all export files, header rows not counted.</summary>
    public long Rows => Files.Sum(f => (long)f.Rows);

    /// <summary>Planted rows an ingestion must reject.</summary>
    public int RejectedRowsPlanted => Count(
        PlantedRowKind.MissingCaseRef, PlantedRowKind.UnknownEventType, PlantedRowKind.BadTimestamp,
        PlantedRowKind.MissingDueAt, PlantedRowKind.UnknownOrg, PlantedRowKind.MalformedRow, PlantedRowKind.BadValue);

    /// <summary>Planted rows an ingestion must count as duplicates.</summary>
    public int DuplicateRowsPlanted => Count(PlantedRowKind.DuplicateWithinFile, PlantedRowKind.DuplicateAcrossFiles);

    /// <summary>Rejected and duplicate rows planted; the hostile-text rows are valid and not counted here.</summary>
    public int BadRowsPlanted => RejectedRowsPlanted + DuplicateRowsPlanted;

    private int Count(params PlantedRowKind[] kinds) => kinds.Sum(k => Planted.GetValueOrDefault(k));
}

/// <summary>
/// Writes realistic, deterministic sample exports for the five published procedures: per org
/// and month, in each org's own layout, with repeat complainants, pauses, extensions,
/// escalations, deadlock letters and ADR, recurring breaches, and a few planted bad rows.
/// Everything is drawn from one <see cref="Random"/> seeded by <see cref="SampleOptions.Seed"/>,
/// never from the clock, so that a seed always gives byte-identical files.
/// </summary>
public static class SampleExportGenerator
{
    /// <summary>The subfolder of the output folder that receives the export files.</summary>
    public const string ExportsFolder = "exports";
    /// <summary>The subfolder of the output folder that receives the mapping profile of the org whose layout is not canonical.</summary>
    public const string MappingsFolder = "mappings";

    /// <summary>The options of the set committed under <c>sample-data/</c>.</summary>
    public static SampleOptions CommittedSet(string outDir) => new(1500, 42, outDir, new LocalDate(2025, 9, 1), 14);

    /// <summary>Writes the exports and mapping profile under <see cref="SampleOptions.OutDir"/> and describes every file and planted row written.</summary>
    public static SampleSummary Write(SampleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Cases);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Months);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.OutDir);
        using var run = new SampleRun(options);
        return run.Execute();
    }

    /// <summary>
    /// Regenerates <c>sample-data/exports</c> and <c>sample-data/mappings/halo.yaml</c> under
    /// <paramref name="repoRoot"/>, first removing the export files of an earlier generation so
    /// that no stale month survives.
    /// </summary>
    public static SampleSummary WriteCommittedSet(string repoRoot)
    {
        var outDir = Path.Combine(repoRoot, "sample-data");
        var exports = Path.Combine(outDir, ExportsFolder);
        if (Directory.Exists(exports))
        {
            foreach (var file in Directory.EnumerateFiles(exports)
                .Where(f => f.EndsWith(".csv", StringComparison.Ordinal) || f.EndsWith(".jsonl", StringComparison.Ordinal)))
            {
                File.Delete(file);
            }
        }

        return Write(CommittedSet(outDir));
    }
}
