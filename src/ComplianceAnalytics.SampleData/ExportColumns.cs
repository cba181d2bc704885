namespace ComplianceAnalytics.SampleData;

/// <summary>Positions of the canonical columns (contract §1) in a row being written.</summary>
internal static class ExportColumns
{
    public const int Org = 0;
    public const int CaseRef = 1;
    public const int EventType = 2;
    public const int OccurredAt = 3;
    public const int EventId = 4;
    public const int Channel = 5;
    public const int Category = 6;
    public const int Team = 7;
    public const int CustomerType = 8;
    public const int Outcome = 9;
    public const int RedressAmount = 10;
    public const int DueAt = 11;
    public const int AdrBody = 12;
    public const int CustomerName = 13;
    public const int CustomerEmail = 14;
    public const int CustomerPhone = 15;
    public const int Notes = 16;
    public const int Product = 17;
    public const int RootCause = 18;
    public const int Vulnerable = 19;
    public const int LegalEntity = 20;

    /// <summary>A source-specific column a reader must ignore (and name in its ledger).</summary>
    public const int Extra = 21;

    public const int Count = 22;

    public static readonly IReadOnlyList<string> CanonicalNames =
    [
        "org", "case_ref", "event_type", "occurred_at", "event_id", "channel", "category", "team",
        "customer_type", "outcome", "redress_amount", "due_at", "adr_body", "customer_name",
        "customer_email", "customer_phone", "notes", "product", "root_cause", "vulnerable", "legal_entity",
    ];
}
