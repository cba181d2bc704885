namespace ComplianceAnalytics.Ingestion;

/// <summary>Reason codes of rejected rows (contract §1).</summary>
public static class RejectReasons
{
    /// <summary>More or fewer fields than the header, an unterminated quote, or invalid UTF-8 in the record.</summary>
    public const string MalformedRow = "malformed_row";
    /// <summary>org, case_ref, event_type or occurred_at is empty or only white space.</summary>
    public const string MissingField = "missing_field";
    /// <summary>The event type, after the profile's mapping, is not a canonical one.</summary>
    public const string UnknownEventType = "unknown_event_type";
    /// <summary>occurred_at is not one of the contract's forms, or not a real date or time.</summary>
    public const string BadTimestamp = "bad_timestamp";
    /// <summary>org names no organisation with a policy.</summary>
    public const string UnknownOrg = "unknown_org";
    /// <summary>A deadline_extended with a missing or invalid due_at.</summary>
    public const string BadDueAt = "bad_due_at";
    /// <summary>vulnerable is not true/false, or redress_amount is not a plain decimal that fits DECIMAL(18, 2).</summary>
    public const string BadValue = "bad_value";

    /// <summary>In order of precedence: a row with several faults gets the first that applies.</summary>
    public static readonly IReadOnlyList<string> All =
        [MalformedRow, MissingField, UnknownEventType, BadTimestamp, UnknownOrg, BadDueAt, BadValue];
}

/// <summary>What became of a file (contract §6).</summary>
public static class FileStatuses
{
    /// <summary>The file was read and its rows counted; loaded even when every row was rejected or it had only a header.</summary>
    public const string Loaded = "loaded";
    /// <summary>The file's SHA-256 equals that of a file already loaded: nothing counted.</summary>
    public const string SkippedDuplicateFile = "skipped_duplicate_file";
    /// <summary>The file could not be read as an export at all; nothing loaded, the ledger keeps the reason, and it is tried again when offered again.</summary>
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

    /// <summary>The rows rejected, over every reason.</summary>
    public long RowsRejected => Rejects.Values.Sum();

    /// <summary>Every row of the file: loaded, duplicate, rejected and ignored.</summary>
    public long RowsRead => RowsLoaded + RowsDuplicate + RowsRejected + RowsIgnored;

    /// <summary>Every reason with a count of zero, for a file with no rejects or none read.</summary>
    public static IReadOnlyDictionary<string, long> NoRejects { get; } =
        RejectReasons.All.ToDictionary(r => r, _ => 0L, StringComparer.Ordinal);
}
