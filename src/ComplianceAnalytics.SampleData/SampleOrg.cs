using ComplianceAnalytics.Policies;

namespace ComplianceAnalytics.SampleData;

/// <summary>How an organisation's source system writes its export.</summary>
internal enum ExportLayout
{
    CanonicalCsv,
    HaloCsv,
    JsonLines,
}

/// <summary>How a source system writes <c>occurred_at</c> (contract §1 forms).</summary>
internal enum TimestampStyle
{
    /// <summary><c>2026-03-02T09:15:00Z</c></summary>
    Utc,

    /// <summary><c>2026-03-02T09:15:00.123Z</c></summary>
    UtcMillis,

    /// <summary><c>2026-03-02T09:15:00+01:00</c>: the local offset.</summary>
    Offset,

    /// <summary><c>2026-03-02 09:15:00</c>: local time, no offset.</summary>
    LocalSpace,

    /// <summary><c>2026-03-02T09:15:00</c>: local time, no offset.</summary>
    LocalT,
}

/// <summary>The stages whose timing the simulation draws; an org may be slow at one of them.</summary>
internal enum SimStage
{
    Acknowledgement,
    Response,
    EscalationAcknowledgement,
    EscalationResponse,
}

/// <summary>
/// One simulated organisation: its export's shape and how its complaint handlers behave.
/// The limits follow the published procedures in the shared seeds, so that most stages meet
/// the policies written from them and a minority breach.
/// </summary>
internal sealed record SampleOrg(
    string Id,
    double Volume,
    ExportLayout Layout,
    TimestampStyle Timestamps,
    bool DueAtAsDate,
    bool HasEventId,
    bool Bom,
    string LineEnd,
    string CaseRefPrefix,
    string[] Teams,
    string EscalationTeam,
    string[] CustomerTypes,
    TimeLimit Acknowledgement,
    TimeLimit Response,
    TimeLimit EscalationAcknowledgement,
    TimeLimit EscalationResponse,
    double BaseBreach,
    string SlowTeam,
    SimStage SlowTeamStage,
    string SlowCategory,
    SimStage SlowCategoryStage,
    double InfoRequestRate,
    double ExtensionRate,
    double LateEscalationRate,
    double DeadlockRate,
    int? AdrEligibleWeeks,
    string AdrBody,
    (string Name, string Value)? ExtraColumn,
    double SummaryResolutionRate = 0,
    bool OwnDraw = false)
{
    /// <summary>The orgs whose cases share the main draw of <c>--cases</c>: the five seed organisations.</summary>
    public static IEnumerable<int> SharedDraw => Enumerable.Range(0, All.Count).Where(i => !All[i].OwnDraw);

    private static TimeLimit Hours(int n) => new(n, LimitUnit.Hours);

    private static TimeLimit Days(int n) => new(n, LimitUnit.Days);

    private static TimeLimit WorkingDays(int n) => new(n, LimitUnit.BusinessDays);

    public static readonly IReadOnlyList<SampleOrg> All =
    [
        // BlueHat Cyber: acknowledge in 24 hours, resolve 48 hours after that, escalation in 14 days.
        new("bluehat", 0.10, ExportLayout.CanonicalCsv, TimestampStyle.Utc, DueAtAsDate: false, HasEventId: true,
            Bom: true, LineEnd: "\r\n", "BH-",
            ["SOC Support", "Pentest Delivery", "Account Management"], "Director Review",
            ["business", "business", "small_business"],
            Hours(24), Hours(48), WorkingDays(1), Days(14),
            BaseBreach: 0.07, "Pentest Delivery", SimStage.Response, "billing", SimStage.Acknowledgement,
            InfoRequestRate: 0, ExtensionRate: 0, LateEscalationRate: 0.03, DeadlockRate: 0.15,
            AdrEligibleWeeks: null, "ispa", ExtraColumn: null),

        // JPDIT: acknowledge in 2 business days, investigate in 10 (paused for information,
        // extendable), appeal acknowledged in 2 and answered in 15 business days.
        new("jpdit", 0.30, ExportLayout.CanonicalCsv, TimestampStyle.LocalSpace, DueAtAsDate: true, HasEventId: true,
            Bom: false, LineEnd: "\n", "JPD-",
            ["Service Desk", "Infrastructure", "Security Operations", "Billing"], "Appeals Panel",
            ["business", "small_business", "small_business", "consumer"],
            WorkingDays(2), WorkingDays(10), WorkingDays(2), WorkingDays(15),
            BaseBreach: 0.06, "Infrastructure", SimStage.Response, "data_protection", SimStage.EscalationResponse,
            InfoRequestRate: 0.25, ExtensionRate: 0.08, LateEscalationRate: 0.03, DeadlockRate: 0.12,
            AdrEligibleWeeks: null, "ispa", ExtraColumn: ("source_system", "JPD-CRM")),

        // Netservers: escalations answered in 10 working days; Ombudsman Services after 8 weeks.
        new("netservers", 0.26, ExportLayout.CanonicalCsv, TimestampStyle.Offset, DueAtAsDate: false, HasEventId: false,
            Bom: false, LineEnd: "\n", "NS",
            ["Broadband Support", "Billing", "Field Engineers", "Customer Relations"], "Customer Relations",
            ["consumer", "consumer", "consumer", "small_business"],
            WorkingDays(2), WorkingDays(10), WorkingDays(2), WorkingDays(10),
            BaseBreach: 0.06, "Field Engineers", SimStage.Response, "billing", SimStage.EscalationResponse,
            InfoRequestRate: 0.10, ExtensionRate: 0.03, LateEscalationRate: 0.03, DeadlockRate: 0.35,
            AdrEligibleWeeks: 8, "ombudsman_services", ExtraColumn: null),

        // Halo Connect: manager review answered in 30 working days; CEDR after 8 weeks or a deadlock letter.
        new("halo", 0.18, ExportLayout.HaloCsv, TimestampStyle.LocalT, DueAtAsDate: false, HasEventId: true,
            Bom: false, LineEnd: "\r\n", "HC-",
            ["Customer Care", "Provisioning", "Accounts", "Repairs"], "Management Review",
            ["consumer", "consumer", "small_business"],
            WorkingDays(2), WorkingDays(10), WorkingDays(2), WorkingDays(30),
            BaseBreach: 0.05, "Repairs", SimStage.Response, "service_fault", SimStage.EscalationResponse,
            InfoRequestRate: 0.10, ExtensionRate: 0.03, LateEscalationRate: 0.03, DeadlockRate: 0.40,
            AdrEligibleWeeks: 8, "cedr", ExtraColumn: null),

        // Hexpress: step 1 in 5 working days, step 2 in 10, extensions allowed, and the customer
        // has 28 days to ask for step 2.
        new("hexpress", 0.16, ExportLayout.JsonLines, TimestampStyle.UtcMillis, DueAtAsDate: true, HasEventId: true,
            Bom: false, LineEnd: "\n", "HX-",
            ["Patient Services", "Pharmacy", "Clinical", "Deliveries"], "Head of Customer Services",
            ["consumer"],
            WorkingDays(1), WorkingDays(5), WorkingDays(1), WorkingDays(10),
            BaseBreach: 0.07, "Deliveries", SimStage.Response, "product_quality", SimStage.EscalationResponse,
            InfoRequestRate: 0.12, ExtensionRate: 0.12, LateEscalationRate: 0.10, DeadlockRate: 0.10,
            AdrEligibleWeeks: null, "iscas", ExtraColumn: null),

        // Crediflex: an FCA-regulated consumer-credit firm with two legal entities (DISP), drawn after
        // the seed organisations from a generator of its own (OwnDraw), so that adding it changed
        // none of their journeys (the sample actions' measured verdicts rest on them). Many
        // complaints resolved by the end of the 3rd business day, the rest answered within 8 weeks,
        // and the Financial Ombudsman Service after 8 weeks.
        new("crediflex", 0.20, ExportLayout.CanonicalCsv, TimestampStyle.Utc, DueAtAsDate: false, HasEventId: true,
            Bom: false, LineEnd: "\n", "CFX-",
            ["Lending Operations", "Collections", "Cards Servicing", "Customer Care"], "Complaints Review",
            ["consumer"],
            WorkingDays(3), Days(56), WorkingDays(5), Days(28),
            BaseBreach: 0.05, "Collections", SimStage.Response, "billing", SimStage.Acknowledgement,
            InfoRequestRate: 0.05, ExtensionRate: 0, LateEscalationRate: 0.02, DeadlockRate: 0.20,
            AdrEligibleWeeks: 8, "fos", ExtraColumn: null, SummaryResolutionRate: 0.40, OwnDraw: true),
    ];
}
