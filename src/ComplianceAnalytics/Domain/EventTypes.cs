namespace ComplianceAnalytics.Domain;

/// <summary>The canonical event types of contract §1.</summary>
public static class EventTypes
{
    public const string ComplaintReceived = "complaint_received";
    public const string Acknowledged = "acknowledged";
    public const string InfoRequested = "info_requested";
    public const string InfoReceived = "info_received";
    public const string DeadlineExtended = "deadline_extended";
    public const string ResponseIssued = "response_issued";
    public const string CustomerAccepted = "customer_accepted";
    public const string EscalationRequested = "escalation_requested";
    public const string EscalationAcknowledged = "escalation_acknowledged";
    public const string EscalationResponseIssued = "escalation_response_issued";
    public const string DeadlockLetterIssued = "deadlock_letter_issued";
    public const string AdrReferred = "adr_referred";
    public const string AdrDecision = "adr_decision";
    public const string Closed = "closed";
    public const string Reopened = "reopened";

    public static readonly IReadOnlyList<string> All =
    [
        ComplaintReceived, Acknowledged, InfoRequested, InfoReceived, DeadlineExtended, ResponseIssued,
        CustomerAccepted, EscalationRequested, EscalationAcknowledged, EscalationResponseIssued,
        DeadlockLetterIssued, AdrReferred, AdrDecision, Closed, Reopened,
    ];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    public static bool IsKnown(string value) => Known.Contains(value);
}
