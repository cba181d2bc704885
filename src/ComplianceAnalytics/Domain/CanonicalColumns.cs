namespace ComplianceAnalytics.Domain;

/// <summary>The canonical columns of an export (contract §1).</summary>
public static class CanonicalColumns
{
    public const string Org = "org";
    public const string CaseRef = "case_ref";
    public const string EventType = "event_type";
    public const string OccurredAt = "occurred_at";
    public const string EventId = "event_id";
    public const string DueAt = "due_at";
    public const string CustomerEmail = "customer_email";
    public const string CustomerPhone = "customer_phone";
    public const string RedressAmount = "redress_amount";
    public const string Product = "product";
    public const string RootCause = "root_cause";
    public const string Vulnerable = "vulnerable";
    public const string LegalEntity = "legal_entity";

    /// <summary>Columns every row must carry.</summary>
    public static readonly IReadOnlyList<string> Required = [Org, CaseRef, EventType, OccurredAt];

    /// <summary>Non-personal optional columns, stored as they arrive (trimmed text).</summary>
    public static readonly IReadOnlyList<string> Descriptive =
        ["channel", "category", "team", "customer_type", "outcome", RedressAmount, "adr_body"];

    /// <summary>
    /// A case's attributes for the complaints return (contract §1, §7). <c>root_cause</c> is the firm's
    /// category, stored as text like the other categories; it is never read as notes.
    /// </summary>
    public static readonly IReadOnlyList<string> Attributes = [Product, RootCause, Vulnerable, LegalEntity];

    /// <summary>Personal data: the first two become a keyed pseudonym, the last two are never stored.</summary>
    public static readonly IReadOnlyList<string> Personal = ["customer_name", CustomerEmail, CustomerPhone, "notes"];

    public static readonly IReadOnlyList<string> All =
        [.. Required, EventId, .. Descriptive, .. Attributes, DueAt, .. Personal];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    public static bool IsKnown(string column) => Known.Contains(column);
}
