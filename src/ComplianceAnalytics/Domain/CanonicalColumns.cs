namespace ComplianceAnalytics.Domain;

/// <summary>The canonical columns of an export (contract §1).</summary>
public static class CanonicalColumns
{
    /// <summary>The organisation code a row belongs to; it must name an organisation that has a policy.</summary>
    public const string Org = "org";
    /// <summary>The firm's reference of the complaint, unique within its organisation.</summary>
    public const string CaseRef = "case_ref";
    /// <summary>What happened, one of <see cref="EventTypes"/> after the mapping profile's renaming.</summary>
    public const string EventType = "event_type";
    /// <summary>When it happened: an ISO 8601 timestamp with an offset, or a local time in the profile's or policy's time zone.</summary>
    public const string OccurredAt = "occurred_at";
    /// <summary>The firm's identifier of the event, optional; when present, (org, event_id) is the event's identity.</summary>
    public const string EventId = "event_id";
    /// <summary>The new deadline a <c>deadline_extended</c> event sets, as a timestamp or a date (the end of that local day).</summary>
    public const string DueAt = "due_at";
    /// <summary>The customer's e-mail address: personal data, only ever stored as the keyed pseudonym <c>customer_key</c>.</summary>
    public const string CustomerEmail = "customer_email";
    /// <summary>The customer's phone number: personal data, used for <c>customer_key</c> when there is no e-mail.</summary>
    public const string CustomerPhone = "customer_phone";
    /// <summary>Redress paid, a decimal in the policy's currency (at most 18 digits, 2 decimal places kept).</summary>
    public const string RedressAmount = "redress_amount";
    /// <summary>The product the complaint is about, the firm's own category (text).</summary>
    public const string Product = "product";
    /// <summary>The firm's category of why it went wrong; counted by cause, never shown as notes.</summary>
    public const string RootCause = "root_cause";
    /// <summary>Whether the customer is vulnerable: <c>true</c> or <c>false</c> in any letter case; one <c>true</c> flags the case.</summary>
    public const string Vulnerable = "vulnerable";
    /// <summary>The legal entity within the organisation that reports the case in the complaints return.</summary>
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

    /// <summary>Every column the contract names, in the order the ledger and the docs list them; any other column is unknown and ignored.</summary>
    public static readonly IReadOnlyList<string> All =
        [.. Required, EventId, .. Descriptive, .. Attributes, DueAt, .. Personal];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="column"/> (already mapped, case-sensitive) is one of <see cref="All"/>.</summary>
    public static bool IsKnown(string column) => Known.Contains(column);
}
