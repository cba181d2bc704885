using ComplianceAnalytics.Exports;
using ComplianceAnalytics.Store;

namespace ComplianceAnalytics.Ingestion;

/// <summary>What a file's rows can become as far as the file alone decides (classified.file_fate; NULL is loaded).</summary>
internal static class FileFates
{
    public const string Ignored = "ignored";
    public const string Duplicate = "duplicate";
    public const string Loaded = "loaded";
}

/// <summary>What staging learnt of a file's columns, or why it cannot be loaded.</summary>
internal sealed record StagedSource(IReadOnlyList<string> UnknownColumns, IReadOnlyList<string> PersonalFields, string? Error)
{
    public static StagedSource Failed(string error) => new([], [], error);
}

/// <summary>
/// A file after staging. <paramref name="Unreadable"/> (its bytes could not be read) is recorded before
/// the identical-bytes check; <paramref name="Quarantine"/> and a <paramref name="Source"/> error after it.
/// A file whose bytes were ingested before is not staged (Source and Quarantine both null).
/// </summary>
/// <param name="Path">The file's path.</param>
/// <param name="Profile">The mapping profile it is read with.</param>
/// <param name="Sha256">Its bytes' SHA-256, in lower-case hex.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Format"><c>csv</c> or <c>jsonl</c>, from the profile or the extension; null when neither says.</param>
/// <param name="Tables">Its work tables.</param>
/// <param name="Unreadable">Why its bytes could not be read; null when they could.</param>
/// <param name="Quarantine">Why it is quarantined; null when it is not.</param>
/// <param name="Source">What its header and reader said.</param>
/// <param name="Counts">Rows by what the file alone decides: a reject reason, ignored, duplicate, or loaded (before the store's duplicates).</param>
internal sealed record StagedFile(
    string Path, MappingProfile Profile, string Sha256, long Size, string? Format, WorkTables Tables,
    string? Unreadable = null, string? Quarantine = null, StagedSource? Source = null, IReadOnlyDictionary<string, long>? Counts = null)
{
    public IReadOnlyDictionary<string, long> Counts { get; init; } = Counts ?? new Dictionary<string, long>();
}
