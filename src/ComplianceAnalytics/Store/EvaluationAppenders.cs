using ComplianceAnalytics.DuckDb;
using NodaTime;

namespace ComplianceAnalytics.Store;

/// <summary>
/// Where one evaluation's results go, a row at a time: the stored tables or the fresh temporary ones of an as-of.
/// Columns follow the tables in schema.sql; every table ends with settled_from (empty in the fresh tables), except
/// the stage instances', which have why_local after it. Values go straight to the appenders: nothing is allocated
/// per row, as an evaluation appends over a million of them.
/// </summary>
public sealed class EvaluationAppenders : IDisposable
{
    private readonly DuckDbAppender _instances;
    private readonly DuckDbAppender? _cases;
    private readonly DuckDbAppender _durations;
    private readonly DuckDbAppender _letters;
    private readonly DuckDbAppender _requests;
    private readonly DuckDbAppender _diagnostics;

    internal EvaluationAppenders(DuckDbConnection db, bool fresh)
    {
        var names = fresh
            ? new[] { "fresh_stage_instances", null, "fresh_durations", "fresh_adr_letters", "fresh_customer_requests", "fresh_stage_diagnostics" }
            : ["case_stage_instances", "evaluated_cases", "case_durations", "case_adr_letters", "case_customer_requests", "case_stage_diagnostics"];
        _instances = db.CreateAppender(names[0]!);
        _cases = names[1] is { } cases ? db.CreateAppender(cases) : null;
        _durations = db.CreateAppender(names[2]!);
        _letters = db.CreateAppender(names[3]!);
        _requests = db.CreateAppender(names[4]!);
        _diagnostics = db.CreateAppender(names[5]!);
    }

    /// <summary>One stage instance of a case, evaluated at <paramref name="evaluatedAt"/>.</summary>
    /// <param name="org">The organisation code.</param>
    /// <param name="caseRef">The case's reference.</param>
    /// <param name="stage">The stage's id.</param>
    /// <param name="cycle">The instance's cycle within the case.</param>
    /// <param name="startedAt">The instant of its start event.</param>
    /// <param name="originalDueAt">Its due time before any extension.</param>
    /// <param name="dueAt">Its due time after pauses and extensions.</param>
    /// <param name="stoppedAt">The instant of its stop event; null while open.</param>
    /// <param name="status">Its status's name, e.g. <c>met_extended</c>.</param>
    /// <param name="pausedSeconds">The time it spent paused, in seconds.</param>
    /// <param name="extended">Whether an extension moved its due time.</param>
    /// <param name="evaluatedAt">The as-of it was evaluated at.</param>
    /// <param name="appliedLimit">The version of the stage's limit that applied.</param>
    /// <param name="team">The team that held it.</param>
    /// <param name="why">Its reason in English; null for a plain met.</param>
    /// <param name="settledFrom">From when it holds at every as-of; null when never or fresh.</param>
    /// <param name="whyLocal">Its reason in its organisation's language when that is not English.</param>
    public void AppendInstance(
        string org, string caseRef, string stage, int cycle, Instant startedAt, Instant originalDueAt, Instant dueAt, Instant? stoppedAt,
        string status, double pausedSeconds, bool extended, Instant evaluatedAt, string appliedLimit, string? team, string? why,
        Instant? settledFrom, string? whyLocal)
    {
        _instances.Append(org).Append(caseRef).Append(stage).Append(cycle)
            .AppendTimestampMicros(Micros(startedAt)).AppendTimestampMicros(Micros(originalDueAt)).AppendTimestampMicros(Micros(dueAt));
        Timestamp(_instances, stoppedAt).Append(status).Append(pausedSeconds).Append(extended)
            .AppendTimestampMicros(Micros(evaluatedAt)).Append(appliedLimit).Append(team).Append(why);
        Timestamp(_instances, settledFrom).Append(whyLocal).EndRow();
    }

    /// <summary>One evaluated case; the fresh tables keep none, so nothing is appended for them.</summary>
    /// <param name="org">The organisation code.</param>
    /// <param name="caseRef">The case's reference.</param>
    /// <param name="firstEventAt">The instant of its first event.</param>
    /// <param name="settledFrom">From when its results hold at every as-of; null when never.</param>
    public void AppendCase(string org, string caseRef, Instant firstEventAt, Instant? settledFrom)
    {
        if (_cases is { } cases)
        {
            Timestamp(cases.Append(org).Append(caseRef).AppendTimestampMicros(Micros(firstEventAt)), settledFrom).EndRow();
        }
    }

    /// <summary>One duration measure of a case.</summary>
    /// <param name="org">The organisation code.</param>
    /// <param name="caseRef">The case's reference.</param>
    /// <param name="measure">The measure's name.</param>
    /// <param name="endedAt">The instant the measured time ended.</param>
    /// <param name="days">The elapsed days.</param>
    /// <param name="settledFrom">From when it holds at every as-of; null when never or fresh.</param>
    public void AppendDuration(string org, string caseRef, string measure, Instant endedAt, double days, Instant? settledFrom) =>
        Timestamp(_durations.Append(org).Append(caseRef).Append(measure).AppendTimestampMicros(Micros(endedAt)).Append(days), settledFrom).EndRow();

    /// <summary>The ADR letter status of a case.</summary>
    /// <param name="org">The organisation code.</param>
    /// <param name="caseRef">The case's reference.</param>
    /// <param name="dueAt">When the letter falls due.</param>
    /// <param name="needsLetter">Whether the case needs the letter.</param>
    /// <param name="letterMissing">Whether it needs it and none was sent in time.</param>
    /// <param name="eligibleAfter">The version of the limit applied.</param>
    /// <param name="settledFrom">From when it holds at every as-of; null when never or fresh.</param>
    public void AppendLetter(string org, string caseRef, Instant dueAt, bool needsLetter, bool letterMissing, string eligibleAfter, Instant? settledFrom) =>
        Timestamp(_letters.Append(org).Append(caseRef).AppendTimestampMicros(Micros(dueAt)).Append(needsLetter).Append(letterMissing).Append(eligibleAfter), settledFrom)
            .EndRow();

    /// <summary>One customer window request of a case.</summary>
    /// <param name="org">The organisation code.</param>
    /// <param name="caseRef">The case's reference.</param>
    /// <param name="window">The window's id.</param>
    /// <param name="requestedAt">The instant of the request.</param>
    /// <param name="late">Whether the request came after the window's due time.</param>
    /// <param name="settledFrom">From when it holds at every as-of; null when never or fresh.</param>
    public void AppendRequest(string org, string caseRef, string window, Instant requestedAt, bool late, Instant? settledFrom) =>
        Timestamp(_requests.Append(org).Append(caseRef).Append(window).AppendTimestampMicros(Micros(requestedAt)).Append(late), settledFrom).EndRow();

    /// <summary>The orphan stops and late extensions of one stage of a case.</summary>
    /// <param name="org">The organisation code.</param>
    /// <param name="caseRef">The case's reference.</param>
    /// <param name="stage">The stage's id.</param>
    /// <param name="orphanStops">Its stop events that found no open instance.</param>
    /// <param name="lateExtensions">Its extensions notified after the due time.</param>
    /// <param name="settledFrom">From when it holds at every as-of; null when never or fresh.</param>
    public void AppendDiagnostic(string org, string caseRef, string stage, long orphanStops, long lateExtensions, Instant? settledFrom) =>
        Timestamp(_diagnostics.Append(org).Append(caseRef).Append(stage).Append(orphanStops).Append(lateExtensions), settledFrom).EndRow();

    /// <summary>Flushes and closes every appender, so the rows appended reach their tables.</summary>
    public void Dispose()
    {
        _instances.Dispose();
        _cases?.Dispose();
        _durations.Dispose();
        _letters.Dispose();
        _requests.Dispose();
        _diagnostics.Dispose();
    }

    private static DuckDbAppender Timestamp(DuckDbAppender appender, Instant? instant) =>
        instant is { } value ? appender.AppendTimestampMicros(Micros(value)) : appender.AppendNull();

    private static long Micros(Instant instant) => instant.ToUnixTimeTicks() / 10;
}
