using NodaTime;

namespace ComplianceAnalytics.SampleData;

/// <summary>One simulated event of a case, before it is written in an org's layout.</summary>
internal readonly record struct SampleEvent(
    string Type,
    Instant At,
    string Team,
    string? Outcome = null,
    decimal? Redress = null,
    LocalDate? DueDate = null,
    string? AdrBody = null)
{
    /// <summary>Halo's free-text note activity: in its export, absent from the canonical types.</summary>
    public const string NoteAdded = "note_added";
}

/// <summary>The attributes a case carries on its rows.</summary>
internal sealed record SampleCase(
    string CaseRef,
    string Channel,
    string Category,
    string Team,
    string CustomerType,
    FakeCustomer Customer,
    string Notes,
    CaseAttributes Attributes);

/// <summary>
/// What the complaints return reads of a case (contract §1): the product and the legal entity,
/// the root cause the firm finds (written on the response), and whether and when the firm
/// identified the customer as vulnerable (at receipt, or only on a later event).
/// </summary>
internal sealed record CaseAttributes(string Product, string RootCause, string LegalEntity, bool Vulnerable, bool VulnerableLate);
