using System.Globalization;
using System.Text;
using System.Text.Json;
using ComplianceAnalytics.Policies;
using ComplianceAnalytics.Store;
using NodaTime;
using NodaTime.Text;

namespace ComplianceAnalytics.Clocks;

/// <summary>One event of a case as <c>compliance explain</c> shows it: no personal field, only where it came from.</summary>
/// <param name="OccurredAt">When the event happened.</param>
/// <param name="EventType">The canonical event type.</param>
/// <param name="DueAt">The extended deadline of a <c>deadline_extended</c>.</param>
/// <param name="File">The name of the file the event was loaded from, as the ledger holds it.</param>
/// <param name="Line">Its line in that file (the header is line 1).</param>
public sealed record ExplainedEvent(Instant OccurredAt, string EventType, Instant? DueAt, string File, long Line);

/// <summary>One step of a stage instance's clock in words.</summary>
public sealed record ExplainedStep(Instant At, ClockStepKind Kind, string What);

/// <summary>A stage instance, its reason and its clock's steps.</summary>
public sealed record ExplainedStage(StageInstance Instance, string Why, IReadOnlyList<ExplainedStep> Steps, IReadOnlyList<ClockStep> Trace);

/// <summary>
/// <c>compliance explain</c>: one case evaluated at an as-of exactly as <c>compliance export</c> evaluates it
/// (the events at or before the as-of, through <see cref="StageClock"/>), with the clock's recorded steps.
/// </summary>
public sealed record CaseExplanation(
    string Org, string CaseRef, Instant AsOf, Policy Policy, IReadOnlyList<ExplainedEvent> Events, IReadOnlyList<ExplainedStage> Stages)
{
    private static readonly LocalDateTimePattern LocalPattern = LocalDateTimePattern.Create("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The case <paramref name="caseRef"/> of <paramref name="org"/> at <paramref name="asOf"/>; an error naming both when the store has no such case.</summary>
    /// <param name="store">The store holding the case's events.</param>
    /// <param name="policies">The policies; <paramref name="org"/> must have one.</param>
    /// <param name="org">The organisation code.</param>
    /// <param name="caseRef">The case's reference.</param>
    /// <param name="asOf">The instant to evaluate at; events after it are not seen.</param>
    /// <param name="english">The English texts: explain is in English whatever the firm's language (docs/explain.md), as its <c>why</c> is the stored one.</param>
    /// <param name="eventsBeforeAsOf">Only the events strictly before the as-of, as a month's figures count them (see <see cref="CaseEvaluation.EvaluateAll"/>).</param>
    public static CaseExplanation Explain(
        ComplianceStore store, PolicySet policies, string org, string caseRef, Instant asOf, IClockTexts english, bool eventsBeforeAsOf = false)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(english);
        var policy = policies.Find(org)
            ?? throw new ArgumentException($"--org '{org}' has no policy in the policies folder (known: {string.Join(", ", policies.All.Select(p => p.Org))}).");
        var events = CaseEvents.Read(store, org, caseRef)
            .Select(e => new ExplainedEvent(e.OccurredAt, e.EventType, e.DueAt, e.FileName, e.Line))
            .ToList();

        if (eventsBeforeAsOf)
        {
            events.RemoveAll(e => e.OccurredAt >= asOf);
        }

        if (events.Count == 0)
        {
            throw new ArgumentException($"--case '{caseRef}' has no loaded events for org '{org}' in {store.Path}.");
        }

        var trace = new ClockTrace();
        var instances = StageClock.Evaluate(
            org, caseRef, policy, events.Select(e => new CaseEvent(e.EventType, e.OccurredAt, e.DueAt)).ToList(), asOf, null, trace);
        var stages = instances.Select(i =>
        {
            var steps = trace.For(i.Stage, i.Cycle);
            return new ExplainedStage(
                i,
                WhyText.Sentence(i, steps, policy, asOf, english),
                [.. steps.Select(s => new ExplainedStep(s.At, s.Kind, WhyText.Step(s, i, policy, english)))],
                steps);
        }).ToList();
        return new CaseExplanation(org, caseRef, asOf, policy, [.. events.Where(e => e.OccurredAt <= asOf)], stages);
    }

    /// <summary>
    /// The JSON object of <c>explain --json</c>; instants, statuses, paused seconds and limits in the forms of
    /// <c>stage_instances.csv</c> (<paramref name="formatSeconds"/> is that file's number format).
    /// </summary>
    public string ToJson(Func<double, string> formatSeconds)
    {
        ArgumentNullException.ThrowIfNull(formatSeconds);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("org", Org);
            json.WriteString("case_ref", CaseRef);
            json.WriteString("as_of", Iso(AsOf));
            json.WriteStartArray("events");
            foreach (var e in Events)
            {
                json.WriteStartObject();
                json.WriteString("occurred_at", Iso(e.OccurredAt));
                json.WriteString("event_type", e.EventType);
                json.WriteString("file", e.File);
                json.WriteNumber("line", e.Line);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("stages");
            foreach (var s in Stages)
            {
                var i = s.Instance;
                json.WriteStartObject();
                json.WriteString("stage", i.Stage);
                json.WriteNumber("cycle", i.Cycle);
                json.WriteString("started_at", Iso(i.StartedAt));
                json.WriteString("original_due_at", Iso(i.OriginalDueAt));
                json.WriteString("due_at", Iso(i.DueAt));
                if (i.StoppedAt is { } stopped)
                {
                    json.WriteString("stopped_at", Iso(stopped));
                }
                else
                {
                    json.WriteNull("stopped_at");
                }

                json.WriteString("status", StageStatusText.Of(i.Status));
                json.WritePropertyName("paused_seconds");
                json.WriteRawValue(formatSeconds(i.PausedSeconds));
                json.WriteBoolean("extended", i.Extended);
                json.WriteString("limit", i.Limit.ToString());
                json.WriteString("why", s.Why);
                json.WriteStartArray("steps");
                foreach (var step in s.Steps)
                {
                    json.WriteStartObject();
                    json.WriteString("at", Iso(step.At));
                    json.WriteString("what", step.What);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The text of <c>explain</c>: the events in order with where they came from, then each instance step by step.</summary>
    public string ToText()
    {
        var zone = Policy.TimeZone;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Case {CaseRef} of {Policy.Name} ({Org}) at {Iso(AsOf)}; local times {zone.Id}\n\n");
        text.Append("Events (local, UTC, type, file:line)\n");
        foreach (var e in Events)
        {
            var due = e.DueAt is { } d ? $" to {Local(d)}" : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $"  {Local(e.OccurredAt)}  {Iso(e.OccurredAt)}  {e.EventType}{due}  {e.File}:{e.Line}\n");
        }

        foreach (var s in Stages)
        {
            var i = s.Instance;
            text.Append(CultureInfo.InvariantCulture, $"\n{i.Stage}, cycle {i.Cycle}: {StageStatusText.Of(i.Status)} (limit {i.Limit})\n");
            text.Append(CultureInfo.InvariantCulture, $"  Why: {s.Why}\n");
            foreach (var step in s.Steps)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {Local(step.At)}  {step.What}\n");
            }
        }

        return text.ToString();
    }

    private string Local(Instant at) => LocalPattern.Format(at.InZone(Policy.TimeZone).LocalDateTime);

    private static string Iso(Instant at) => InstantPattern.ExtendedIso.Format(at);
}
