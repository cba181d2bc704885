using ComplianceAnalytics.Clocks;
using ComplianceAnalytics.Policies;
using NodaTime;
using NodaTime.Text;

namespace ComplianceAnalytics.Tests.Clocks;

/// <summary>Policies, calendars and instants for the clock tests: England and Wales 2026, Europe/London.</summary>
internal static class ClockFixtures
{
    public static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    public static readonly IsoDayOfWeek[] MondayToFriday =
    [
        IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday,
    ];

    /// <summary>England's 2026 bank holidays from Good Friday on.</summary>
    public static readonly BusinessCalendar England2026 = new(
        MondayToFriday,
        [
            new LocalDate(2026, 4, 3), new LocalDate(2026, 4, 6), new LocalDate(2026, 5, 4), new LocalDate(2026, 5, 25),
            new LocalDate(2026, 8, 31), new LocalDate(2026, 12, 25), new LocalDate(2026, 12, 28),
        ]);

    /// <summary>An instant written in ISO 8601 with an offset or <c>Z</c>.</summary>
    public static Instant At(string text) => OffsetDateTimePattern.ExtendedIso.Parse(text).GetValueOrThrow().ToInstant();

    /// <summary>A London local time, as ingestion resolves it.</summary>
    public static Instant Local(string text) =>
        LocalDateTimePattern.ExtendedIso.Parse(text).GetValueOrThrow().InZoneLeniently(London).ToInstant();

    public static LocalDate Date(string text) => LocalDatePattern.Iso.Parse(text).GetValueOrThrow();

    public static CaseEvent E(string type, string at, string? dueAt = null) =>
        new(type, At(at), dueAt is null ? null : At(dueAt));

    public static StageDefinition Stage(
        string id,
        string limit,
        string[] start,
        string[] stop,
        string[]? pauseOn = null,
        string[]? resumeOn = null,
        bool extendable = false) =>
        new(id, start, stop, TimeLimit.Parse(limit), pauseOn ?? [], resumeOn ?? [], extendable);

    public static Policy Policy(
        IReadOnlyList<StageDefinition> stages,
        AdrRule? adr = null,
        IReadOnlyList<CustomerWindowDefinition>? windows = null) =>
        new("jpdit", "JPDIT Services", London, MondayToFriday, "england-and-wales", England2026, stages, adr,
            windows ?? [], "jpdit.yaml");

    public static IReadOnlyList<StageInstance> Evaluate(
        Policy policy, IReadOnlyList<CaseEvent> events, string asOf, StageEvaluationDiagnostics? diagnostics = null) =>
        StageClock.Evaluate("jpdit", "C-1", policy, events, At(asOf), diagnostics);

    public static StageInstance Single(
        StageDefinition stage, IReadOnlyList<CaseEvent> events, string asOf, StageEvaluationDiagnostics? diagnostics = null) =>
        Assert.Single(Evaluate(Policy([stage]), events, asOf, diagnostics));
}
