using ComplianceAnalytics.Domain;
using ComplianceAnalytics.Policies;
using NodaTime;

namespace ComplianceAnalytics.Clocks;

/// <summary>The SLA clock of contract §4: every stage of a policy over one case's events, at an as-of instant.</summary>
public static class StageClock
{
    /// <summary>
    /// The stage instances of one case at <paramref name="asOf"/>, by stage order in the policy, then cycle.
    /// Events after <paramref name="asOf"/> are ignored; the input order of the events does not matter except
    /// between events of the same instant and the same role, which keep their input order.
    /// </summary>
    public static IReadOnlyList<StageInstance> Evaluate(
        string org,
        string caseRef,
        Policy policy,
        IReadOnlyList<CaseEvent> events,
        Instant asOf,
        StageEvaluationDiagnostics? diagnostics = null,
        ClockTrace? trace = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(events);

        var ordered = InTimeOrder(events, asOf);
        var result = new List<StageInstance>();
        foreach (var stage in policy.Stages)
        {
            var run = new StageRun(org, caseRef, stage, policy, diagnostics, trace);
            // Each run of equal instants is applied as one group.
            for (var first = 0; first < ordered.Length;)
            {
                var at = ordered[first].OccurredAt;
                var end = first + 1;
                while (end < ordered.Length && ordered[end].OccurredAt == at)
                {
                    end++;
                }

                run.Apply(at, ordered.AsSpan(first, end - first));
                first = end;
            }

            result.AddRange(run.Finish(asOf));
        }

        return result;
    }

    /// <summary>
    /// The events at or before <paramref name="asOf"/> by instant; events of one instant keep their input order.
    /// Events usually arrive in order (the store reads them sorted), so they are only sorted when they are not.
    /// </summary>
    internal static CaseEvent[] InTimeOrder(IReadOnlyList<CaseEvent> events, Instant asOf)
    {
        var ordered = new CaseEvent[events.Count];
        var count = 0;
        var sorted = true;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.OccurredAt > asOf)
            {
                continue;
            }

            sorted &= count == 0 || ordered[count - 1].OccurredAt <= e.OccurredAt;
            ordered[count++] = e;
        }

        Array.Resize(ref ordered, count);
        // OrderBy is stable, which Array.Sort is not.
        return sorted ? ordered : [.. ordered.OrderBy(e => e.OccurredAt)];
    }

    /// <summary>One stage over one case: its open instance, if any, and its instances so far.</summary>
    private sealed class StageRun(
        string org, string caseRef, StageDefinition stage, Policy policy, StageEvaluationDiagnostics? diagnostics, ClockTrace? trace)
    {
        private readonly List<StageInstance> _instances = [];
        private OpenInstance? _open;
        private int _cycles;

        /// <summary>Applies the events of one instant in the order start, pause, resume, extension, stop.</summary>
        public void Apply(Instant at, ReadOnlySpan<CaseEvent> group)
        {
            foreach (var e in group)
            {
                // The limit's version is the one in force on the start's local date, fixed for the instance;
                // with none in force yet the stage has no rule and the start opens nothing (contract §3).
                if (_open is null && Contains(stage.Start, e.EventType) && stage.Limit.For(at, policy.TimeZone) is { } limit)
                {
                    var due = DueDates.Due(at, limit, policy.TimeZone, policy.Calendar);
                    _open = new OpenInstance(++_cycles, at, due, limit);
                    Record(_open, at, ClockStepKind.Started, e.EventType);
                }
            }

            foreach (var e in group)
            {
                // A pause after the breach rescues nothing.
                if (_open is { PausedAt: null } && Contains(stage.PauseOn, e.EventType))
                {
                    if (at <= _open.DueAt)
                    {
                        _open.PausedAt = at;
                        Record(_open, at, ClockStepKind.Paused, e.EventType);
                    }
                    else
                    {
                        Record(_open, at, ClockStepKind.PauseAfterDue, e.EventType);
                    }
                }
            }

            foreach (var e in group)
            {
                if (_open is { PausedAt: not null } && Contains(stage.ResumeOn, e.EventType))
                {
                    EndPause(_open, at, ClockStepKind.Resumed, e.EventType);
                }
            }

            if (stage.Extendable)
            {
                foreach (var e in group)
                {
                    if (e.EventType == EventTypes.DeadlineExtended && _open is not null && e.DueAt is { } newDeadline)
                    {
                        Extend(_open, at, newDeadline, e.EventType);
                    }
                }
            }

            foreach (var e in group)
            {
                if (!Contains(stage.Stop, e.EventType))
                {
                    continue;
                }

                if (_open is null)
                {
                    diagnostics?.AddOrphanStop(org, stage.Id);
                    continue;
                }

                if (_open.PausedAt is not null)
                {
                    EndPause(_open, at, ClockStepKind.Resumed, e.EventType);
                }

                var status = Status(_open, at);
                Record(_open, at, ClockStepKind.Stopped, e.EventType);
                _instances.Add(ToInstance(_open, at, status));
                _open = null;
            }
        }

        /// <summary>
        /// The instances at <paramref name="asOf"/>: a pause still running ends there, and a paused instance is
        /// within its limit (a pause only begins by the due time, and a paused clock does not run out).
        /// </summary>
        public List<StageInstance> Finish(Instant asOf)
        {
            if (_open is not null)
            {
                var paused = _open.PausedAt is not null;
                if (paused)
                {
                    EndPause(_open, asOf, ClockStepKind.Resumed, string.Empty);
                }

                var status = !paused && asOf > _open.DueAt ? StageStatus.OpenBreached : StageStatus.OpenWithin;
                Record(_open, asOf, ClockStepKind.OpenAtAsOf, string.Empty);
                _instances.Add(ToInstance(_open, null, status));
                _open = null;
            }

            return _instances;
        }

        /// <remarks>
        /// For a paused instance the lateness test uses due_at as it would stand if the pause ended at x. An
        /// extension that applies settles the pause so far first, as if it ended at x and a new one began there
        /// (contract §4): the firm knew of the pause when it set X, so only the pause after x moves X.
        /// </remarks>
        private void Extend(OpenInstance open, Instant at, Instant newDeadline, string eventType)
        {
            var dueNow = open.PausedAt is { } pausedAt ? Shift(open, open.DueAt, pausedAt, at) : open.DueAt;
            if (at > dueNow)
            {
                diagnostics?.AddLateExtension(org, stage.Id);
                trace?.Add(new ClockStep(stage.Id, open.Cycle, at, ClockStepKind.ExtensionLate, eventType, dueNow, open.OriginalDueAt, newDeadline));
                return;
            }

            if (open.PausedAt is not null)
            {
                EndPause(open, at, ClockStepKind.PauseSettled, eventType);
                open.PausedAt = at;
            }

            if (newDeadline > open.DueAt)
            {
                open.DueAt = open.Limit.IsDayBased
                    ? DueDates.EndOfDay(DueDates.DateOf(newDeadline, policy.TimeZone), policy.TimeZone)
                    : newDeadline;
                open.Extended = true;
                Record(open, at, ClockStepKind.ExtensionApplied, eventType, newDeadline);
            }
            else
            {
                Record(open, at, ClockStepKind.ExtensionNotLater, eventType, newDeadline);
            }
        }

        private void EndPause(OpenInstance open, Instant resumedAt, ClockStepKind kind, string eventType)
        {
            var pausedAt = open.PausedAt!.Value;
            open.OriginalDueAt = Shift(open, open.OriginalDueAt, pausedAt, resumedAt);
            open.DueAt = Shift(open, open.DueAt, pausedAt, resumedAt);
            open.Paused += resumedAt - pausedAt;
            open.PausedAt = null;
            if (trace is not null)
            {
                var days = open.Limit.IsDayBased
                    ? DueDates.CountedDays(DueDates.DateOf(pausedAt, policy.TimeZone), DueDates.DateOf(resumedAt, policy.TimeZone), open.Limit, policy.Calendar)
                    : 0;
                trace.Add(new ClockStep(stage.Id, open.Cycle, resumedAt, kind, eventType, open.DueAt, open.OriginalDueAt, null, pausedAt, days));
            }
        }

        private void Record(OpenInstance open, Instant at, ClockStepKind kind, string eventType, Instant? requested = null) =>
            trace?.Add(new ClockStep(stage.Id, open.Cycle, at, kind, eventType, open.DueAt, open.OriginalDueAt, requested));

        private Instant Shift(OpenInstance open, Instant due, Instant pausedAt, Instant resumedAt) =>
            DueDates.ShiftForPause(due, pausedAt, resumedAt, open.Limit, policy.TimeZone, policy.Calendar);

        private static StageStatus Status(OpenInstance open, Instant stoppedAt) =>
            stoppedAt <= open.OriginalDueAt ? StageStatus.Met
            : stoppedAt <= open.DueAt ? StageStatus.MetExtended
            : StageStatus.Breached;

        private StageInstance ToInstance(OpenInstance open, Instant? stoppedAt, StageStatus status) =>
            new(org, caseRef, stage.Id, open.Cycle, open.StartedAt, open.OriginalDueAt, open.DueAt, stoppedAt, status,
                open.Paused, open.Extended, open.Limit);

        private static bool Contains(IReadOnlyList<string> types, string type)
        {
            foreach (var candidate in types)
            {
                if (string.Equals(candidate, type, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private sealed class OpenInstance(int cycle, Instant startedAt, Instant dueAt, TimeLimit limit)
    {
        public int Cycle { get; } = cycle;

        /// <summary>The version of the stage's limit that applies, chosen at the start.</summary>
        public TimeLimit Limit { get; } = limit;

        public Instant StartedAt { get; } = startedAt;

        public Instant OriginalDueAt { get; set; } = dueAt;

        public Instant DueAt { get; set; } = dueAt;

        public bool Extended { get; set; }

        public Instant? PausedAt { get; set; }

        public Duration Paused { get; set; }
    }
}
