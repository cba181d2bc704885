namespace ComplianceAnalytics.Ingestion;

/// <summary>Reason codes of rejected rows (contract §1).</summary>
public static class RejectReasons
{
    public const string MalformedRow = "malformed_row";
    public const string MissingField = "missing_field";
    public const string UnknownEventType = "unknown_event_type";
    public const string BadTimestamp = "bad_timestamp";
    public const string UnknownOrg = "unknown_org";
    public const string BadDueAt = "bad_due_at";
    public const string BadValue = "bad_value";

    /// <summary>In order of precedence: a row with several faults gets the first that applies.</summary>
    public static readonly IReadOnlyList<string> All =
        [MalformedRow, MissingField, UnknownEventType, BadTimestamp, UnknownOrg, BadDueAt, BadValue];
}

/// <summary>What became of a file (contract §6).</summary>
public static class FileStatuses
{
    public const string Loaded = "loaded";
    public const string SkippedDuplicateFile = "skipped_duplicate_file";
    public const string Quarantined = "quarantined";
}

/// <summary>The accounting of one ingested file; <c>rows_read</c> is the sum of the other four counts.</summary>
public sealed record IngestResult(
    string File,
    string Sha256,
    string Status,
    long RowsLoaded,
    long RowsDuplicate,
    long RowsIgnored,
    IReadOnlyDictionary<string, long> Rejects,
    IReadOnlyList<string> UnknownColumns,
    IReadOnlyList<string> PersonalFields,
    string? Profile,
    string? Message)
{
    /// <summary>The file's row in the ledger (ingest_files.file_id).</summary>
    public long FileId { get; init; }

    public long RowsRejected => Rejects.Values.Sum();

    public long RowsRead => RowsLoaded + RowsDuplicate + RowsRejected + RowsIgnored;

    public static IReadOnlyDictionary<string, long> NoRejects { get; } =
        RejectReasons.All.ToDictionary(r => r, _ => 0L, StringComparer.Ordinal);
}
