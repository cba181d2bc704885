using System.Text;
using ComplianceAnalytics.Domain;

namespace ComplianceAnalytics.SampleData;

/// <summary>
/// Halo Connect's case-management export: its own column names and activity codes, so that
/// it can only be read through the mapping profile written beside it.
/// </summary>
internal static class HaloLayout
{
    public const string NoteAdded = "NOTE_ADDED";

    /// <summary>Source column, canonical column position; the order is the file's.</summary>
    public static readonly IReadOnlyList<(string Name, int Column)> Columns =
    [
        ("Ref", ExportColumns.CaseRef),
        ("ActivityId", ExportColumns.EventId),
        ("Activity", ExportColumns.EventType),
        ("When", ExportColumns.OccurredAt),
        ("Handler", ExportColumns.Team),
        ("Channel", ExportColumns.Channel),
        ("Reason", ExportColumns.Category),
        ("CustomerKind", ExportColumns.CustomerType),
        ("CustomerName", ExportColumns.CustomerName),
        ("Email", ExportColumns.CustomerEmail),
        ("Phone", ExportColumns.CustomerPhone),
        ("Result", ExportColumns.Outcome),
        ("Compensation", ExportColumns.RedressAmount),
        ("NewDeadline", ExportColumns.DueAt),
        ("Scheme", ExportColumns.AdrBody),
        ("Comments", ExportColumns.Notes),
        ("Service", ExportColumns.Product),
        ("Cause", ExportColumns.RootCause),
        ("VulnerableCustomer", ExportColumns.Vulnerable),
        ("Company", ExportColumns.LegalEntity),
    ];

    private static readonly IReadOnlyList<(string Activity, string EventType)> Activities =
    [
        ("RECEIVED", EventTypes.ComplaintReceived),
        ("ACK", EventTypes.Acknowledged),
        ("INFO_REQ", EventTypes.InfoRequested),
        ("INFO_RCVD", EventTypes.InfoReceived),
        ("EXTENDED", EventTypes.DeadlineExtended),
        ("RESPONSE", EventTypes.ResponseIssued),
        ("CUST_ACCEPTED", EventTypes.CustomerAccepted),
        ("MGR_REVIEW_REQ", EventTypes.EscalationRequested),
        ("MGR_REVIEW_ACK", EventTypes.EscalationAcknowledged),
        ("MGR_REVIEW_RESP", EventTypes.EscalationResponseIssued),
        ("DEADLOCK", EventTypes.DeadlockLetterIssued),
        ("CEDR_REFERRAL", EventTypes.AdrReferred),
        ("CEDR_DECISION", EventTypes.AdrDecision),
        ("CLOSED", EventTypes.Closed),
        ("REOPENED", EventTypes.Reopened),
    ];

    private static readonly Dictionary<string, string> ActivityOf = Activities
        .Append((Activity: NoteAdded, EventType: SampleEvent.NoteAdded))
        .ToDictionary(a => a.EventType, a => a.Activity, StringComparer.Ordinal);

    public static string Activity(string eventType) => ActivityOf[eventType];

    /// <summary>The mapping profile (contract §2) that reads these files as canonical events.</summary>
    public static string MappingProfile()
    {
        var yaml = new StringBuilder();
        yaml.Append("# Halo Connect exports its case-management activity log in its own layout;\n")
            .Append("# this profile maps it onto canonical events. NOTE_ADDED rows are free-text notes.\n")
            .Append("name: halo\n")
            .Append("format: csv\n")
            .Append("match: \"halo-*.csv\"\n")
            .Append("org: halo\n")
            .Append("time_zone: Europe/London\n")
            .Append("columns:\n");
        foreach (var (name, column) in Columns)
        {
            yaml.Append("  ").Append(ExportColumns.CanonicalNames[column]).Append(": ").Append(name).Append('\n');
        }

        yaml.Append("event_types:\n");
        foreach (var (activity, eventType) in Activities)
        {
            yaml.Append("  ").Append(activity).Append(": ").Append(eventType).Append('\n');
        }

        yaml.Append("unmapped_event_types: ignore\n");
        return yaml.ToString();
    }
}
