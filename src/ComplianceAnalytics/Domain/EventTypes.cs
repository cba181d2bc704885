namespace ComplianceAnalytics.Domain;

/// <summary>The canonical event types of contract §1.</summary>
public static class EventTypes
{
    /// <summary>The complaint reached the firm; its first occurrence opens the case (which stages it starts is the policy's choice, as for every type).</summary>
    public const string ComplaintReceived = "complaint_received";
    /// <summary>The firm acknowledged the complaint to the customer.</summary>
    public const string Acknowledged = "acknowledged";
    /// <summary>The firm asked the customer for information; policies commonly pause a stage on it.</summary>
    public const string InfoRequested = "info_requested";
    /// <summary>The customer supplied the information asked for; policies commonly resume a paused stage on it.</summary>
    public const string InfoReceived = "info_received";
    /// <summary>The firm extended the open stage's deadline to the event's <c>due_at</c>.</summary>
    public const string DeadlineExtended = "deadline_extended";
    /// <summary>The firm's response was sent; policies commonly stop the response stage on it.</summary>
    public const string ResponseIssued = "response_issued";
    /// <summary>The customer accepted the firm's response.</summary>
    public const string CustomerAccepted = "customer_accepted";
    /// <summary>The customer asked for the complaint to be escalated; policies commonly start an escalation stage on it.</summary>
    public const string EscalationRequested = "escalation_requested";
    /// <summary>The firm acknowledged the escalation.</summary>
    public const string EscalationAcknowledged = "escalation_acknowledged";
    /// <summary>The firm's response to the escalation was sent; policies commonly stop the escalation stage on it.</summary>
    public const string EscalationResponseIssued = "escalation_response_issued";
    /// <summary>The firm sent a deadlock letter (its final position, with the customer's right to go to ADR).</summary>
    public const string DeadlockLetterIssued = "deadlock_letter_issued";
    /// <summary>The customer referred the complaint to the alternative dispute resolution body.</summary>
    public const string AdrReferred = "adr_referred";
    /// <summary>The ADR body decided the complaint.</summary>
    public const string AdrDecision = "adr_decision";
    /// <summary>The firm closed the case; a later <c>reopened</c> undoes it.</summary>
    public const string Closed = "closed";
    /// <summary>A closed case was reopened; stages it starts again count a new cycle.</summary>
    public const string Reopened = "reopened";

    /// <summary>Every canonical event type; a mapped row with any other is rejected as <c>unknown_event_type</c>.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        ComplaintReceived, Acknowledged, InfoRequested, InfoReceived, DeadlineExtended, ResponseIssued,
        CustomerAccepted, EscalationRequested, EscalationAcknowledged, EscalationResponseIssued,
        DeadlockLetterIssued, AdrReferred, AdrDecision, Closed, Reopened,
    ];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="value"/> (case-sensitive) is one of <see cref="All"/>.</summary>
    public static bool IsKnown(string value) => Known.Contains(value);
}
