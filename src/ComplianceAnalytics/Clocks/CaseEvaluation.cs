using System.Collections.Concurrent;
using System.Globalization;
using ComplianceAnalytics.DuckDb;
using ComplianceAnalytics.Policies;
using ComplianceAnalytics.Store;
using NodaTime;

namespace ComplianceAnalytics.Clocks;

/// <summary>
/// Runs the clocks over the cases in the store. Events stream out of DuckDB ordered by case on a
/// second connection, each case is evaluated on its own with its organisation's policy, and the
/// results stream back in through appenders on the store's connection, a few batches of cases
/// behind, so memory holds a few thousand cases at a time.
/// </summary>
public sealed class CaseEvaluation
{
    /// <summary>The tables one evaluation writes; <see cref="Target.Persistent"/> is the store's own stage_instances.</summary>
    public enum Target
    {
        Persistent,
        Temporary,
    }

    private readonly ComplianceStore _store;
    private readonly PolicySet _policies;

    public CaseEvaluation(ComplianceStore store, PolicySet policies)
    {
        _store = store;
        _policies = policies;
    }

    /// <summary>Cases evaluated together and handed to the appending thread at once.</summary>
    private const int EvaluatedBatchSize = 1024;

    /// <summary>Batches evaluated ahead of the appends.</summary>
    private const int EvaluatedBatchesAhead = 4;

    private DuckDbConnection Db => _store.Connection;

    /// <summary>
    /// Recomputes the stored stage instances of the cases that have events from the given files
    /// (all cases when <paramref name="fileIds"/> is null), evaluated at <paramref name="asOf"/>.
    /// </summary>
    public EvaluationSummary RefreshStored(IReadOnlyCollection<long>? fileIds, Instant asOf)
    {
        if (fileIds is { Count: 0 })
        {
            return new EvaluationSummary(0, 0, new StageEvaluationDiagnostics());
        }

        using var transaction = Db.BeginTransaction();
        if (fileIds is null)
        {
            Db.Execute("DELETE FROM stage_instances");
        }
        else
        {
            Db.Execute("CREATE OR REPLACE TEMP TABLE eval_files (file_id BIGINT)");
            using (var appender = Db.CreateAppender("eval_files"))
            {
                foreach (var id in fileIds)
                {
                    appender.Append(id).EndRow();
                }
            }

            Db.Execute("""
                DELETE FROM stage_instances
                WHERE (org, case_ref) IN (SELECT (org, case_ref) FROM events WHERE file_id IN (SELECT file_id FROM eval_files))
                """);
        }

        var summary = Evaluate(fileIds, _ => asOf, Target.Persistent, asOf, eventsBeforeAsOf: false);
        transaction.Commit();
        Db.Execute("DROP TABLE IF EXISTS temp.eval_files");
        return summary;
    }

    /// <summary>
    /// Evaluates every case of the store into the temporary tables eval_stage_instances,
    /// eval_durations, eval_adr_letters and eval_customer_requests, each organisation at its own
    /// as-of instant (e.g. the first instant of the next month in its time zone). eval_stage_instances
    /// also holds each instance's team: the team on the case's latest event with a team at or before
    /// its stop (for an open instance: before the as-of), i.e. who held it when it ended.
    /// eval_stage_reasons holds the <see cref="WhyText"/> sentence of every instance that did not simply meet
    /// its limit, from the steps its clock recorded while computing it.
    /// </summary>
    /// <param name="eventsBeforeAsOf">
    /// Only the events strictly before the as-of, as for a month's figures (contract §5: an event at the first
    /// instant of the next month belongs to that month); otherwise those at or before it, as §4 says of an
    /// evaluation at an as-of instant (<c>compliance export</c>).
    /// </param>
    public EvaluationSummary EvaluateAll(Func<Policy, Instant> asOfFor, bool eventsBeforeAsOf = false) =>
        Evaluate(null, asOfFor, Target.Temporary, null, eventsBeforeAsOf);

    /// <param name="fileIds">Only the cases with events from these files; every case when null.</param>
    private EvaluationSummary Evaluate(
        IReadOnlyCollection<long>? fileIds, Func<Policy, Instant> asOfFor, Target target, Instant? evaluatedAt, bool eventsBeforeAsOf)
    {
        CreateTargets(target);
        var diagnostics = new StageEvaluationDiagnostics();
        var asOfByOrg = _policies.All.ToDictionary(p => p.Org, asOfFor, StringComparer.Ordinal);
        long cases = 0, instances = 0;

        using var stages = Db.CreateAppender(target == Target.Persistent ? "stage_instances" : "eval_stage_instances", null);
        using var durations = Db.CreateAppender("eval_durations");
        using var letters = Db.CreateAppender("eval_adr_letters");
        using var requests = Db.CreateAppender("eval_customer_requests");
        using var reasons = target == Target.Temporary ? Db.CreateAppender("eval_stage_reasons") : null;

        // Reading and evaluating the cases runs on a second connection while this one appends the
        // results: the appends cost about as much as the rest, and the two halves use both cores.
        using var reading = _store.OpenConnection();
        using var stop = new CancellationTokenSource();
        using var evaluated = new BlockingCollection<List<CaseResult>>(EvaluatedBatchesAhead);
        var producer = Task.Run(
            () =>
            {
                try
                {
                    ReadAndEvaluate(reading, fileIds, asOfByOrg, target, eventsBeforeAsOf, diagnostics, evaluated, stop.Token);
                }
                finally
                {
                    evaluated.CompleteAdding();
                }
            },
            CancellationToken.None);

        var completed = false;
        try
        {
            foreach (var batch in evaluated.GetConsumingEnumerable())
            {
                foreach (var result in batch)
                {
                    cases++;
                    instances += result.Instances.Count;
                    Append(result, stages, durations, letters, requests, reasons, target, evaluatedAt);
                }
            }

            producer.GetAwaiter().GetResult();
            completed = true;
        }
        finally
        {
            if (!completed)
            {
                StopQuietly(producer, stop);
            }
        }

        WriteDiagnostics(diagnostics);
        return new EvaluationSummary(cases, instances, diagnostics);
    }

    /// <summary>
    /// Stops the reader after this connection failed. The evaluation ends with that failure; whatever the
    /// stopped reader then throws is its consequence.
    /// </summary>
    private static void StopQuietly(Task producer, CancellationTokenSource stop)
    {
        stop.Cancel();
        try
        {
            producer.Wait();
        }
        catch (AggregateException)
        {
            // See the summary: the failure being thrown is the one that stopped the evaluation.
        }
    }

    /// <summary>One case's results, evaluated on the reading thread, appended on the store's connection.</summary>
    /// <param name="Teams">Each instance's team, for the temporary target only.</param>
    /// <param name="Reasons">Each instance's reason, for the temporary target only; null for a plain met.</param>
    /// <param name="Letter">The ADR letter status when its due time is at or before the as-of.</param>
    private sealed record CaseResult(
        string Org,
        string CaseRef,
        IReadOnlyList<StageInstance> Instances,
        string?[] Teams,
        string?[] Reasons,
        IReadOnlyList<CaseDuration> Durations,
        AdrLetterStatus? Letter,
        IReadOnlyList<CustomerWindowRequest> Requests);

    /// <summary>Streams the cases' events in order over <paramref name="db"/> and evaluates each case on its own.</summary>
    private void ReadAndEvaluate(
        DuckDbConnection db,
        IReadOnlyCollection<long>? fileIds,
        Dictionary<string, Instant> asOfByOrg,
        Target target,
        bool eventsBeforeAsOf,
        StageEvaluationDiagnostics diagnostics,
        BlockingCollection<List<CaseResult>> evaluated,
        CancellationToken stop)
    {
        // The file ids go in as one text parameter: the reading connection cannot see this one's temporary tables.
        using var reader = fileIds is null
            ? db.Query("""
                SELECT e.org, e.case_ref, e.event_type, epoch_us(e.occurred_at), epoch_us(e.due_at), e.team
                FROM events e
                ORDER BY e.org, e.case_ref, e.occurred_at, e.file_id, e.line
                """)
            : db.Query(
                """
                WITH ids AS (
                    SELECT CAST(unnest(string_split($1, ',')) AS BIGINT) AS file_id
                ),
                touched AS (
                    SELECT DISTINCT org, case_ref FROM events SEMI JOIN ids USING (file_id)
                )
                SELECT e.org, e.case_ref, e.event_type, epoch_us(e.occurred_at), epoch_us(e.due_at), e.team
                FROM events e SEMI JOIN touched c ON e.org = c.org AND e.case_ref = c.case_ref
                ORDER BY e.org, e.case_ref, e.occurred_at, e.file_id, e.line
                """,
                string.Join(',', fileIds.Select(id => id.ToString(CultureInfo.InvariantCulture))));

        string? org = null, caseRef = null;
        var events = new List<CaseEvent>();
        // Each event's team, beside it: the team holding an instance is reported with it (temporary target).
        var teams = new List<string?>();
        var batch = new List<CaseResult>(EvaluatedBatchSize);
        var trace = target == Target.Temporary ? new ClockTrace() : null;
        void Flush()
        {
            if (org is null || events.Count == 0 || _policies.Find(org) is not { } policy)
            {
                return;
            }

            var asOf = asOfByOrg[org];
            // The events arrive in time order, so only a case whose last event is at the as-of has any to drop.
            var counted = eventsBeforeAsOf && events[^1].OccurredAt >= asOf ? events.FindAll(e => e.OccurredAt < asOf) : events;
            trace?.Clear();
            var instances = StageClock.Evaluate(org, caseRef!, policy, counted, asOf, diagnostics, trace);
            var instanceTeams = target == Target.Temporary
                ? instances.Select(i => TeamAt(events, teams, i.StoppedAt ?? asOf - DueDates.Microsecond)).ToArray()
                : [];
            // A plain met needs no explaining in the packs; compliance explain gives it on demand.
            var instanceReasons = trace is null
                ? []
                : instances.Select(i => i.Status == StageStatus.Met ? null : WhyText.Sentence(i, trace.For(i.Stage, i.Cycle), policy, asOf)).ToArray();
            var visible = StageClock.InTimeOrder(counted, asOf);
            var letter = AdrLetterCheck.Evaluate(policy, visible) is { } status && status.DueAt <= asOf ? status : null;
            batch.Add(new CaseResult(org, caseRef!, instances, instanceTeams, instanceReasons, Durations.Compute(visible), letter,
                CustomerWindowClock.Evaluate(policy, visible)));
            if (batch.Count == EvaluatedBatchSize)
            {
                evaluated.Add(batch, stop);
                batch = new List<CaseResult>(EvaluatedBatchSize);
            }
        }

        while (reader.Read())
        {
            // A case's rows are contiguous, so only the first row of each makes strings of its keys.
            if (!reader.StringEquals(1, caseRef) || !reader.StringEquals(0, org))
            {
                Flush();
                events.Clear();
                teams.Clear();
                org = reader.GetString(0);
                caseRef = reader.GetString(1);
            }

            var due = reader.IsNull(4) ? (Instant?)null : Instant.FromUnixTimeTicks(reader.GetInt64(4) * 10);
            events.Add(new CaseEvent(reader.GetString(2), Instant.FromUnixTimeTicks(reader.GetInt64(3) * 10), due));
            teams.Add(reader.IsNull(5) ? null : reader.GetString(5));
        }

        Flush();
        if (batch.Count > 0)
        {
            evaluated.Add(batch, stop);
        }
    }

    private static void Append(
        CaseResult result, DuckDbAppender stages, DuckDbAppender durations, DuckDbAppender letters, DuckDbAppender requests,
        DuckDbAppender? reasons, Target target, Instant? evaluatedAt)
    {
        var (org, caseRef) = (result.Org, result.CaseRef);
        for (var n = 0; n < result.Instances.Count; n++)
        {
            var i = result.Instances[n];
            stages.Append(i.Org).Append(i.CaseRef).Append(i.Stage).Append(i.Cycle)
                .AppendTimestampMicros(Micros(i.StartedAt)).AppendTimestampMicros(Micros(i.OriginalDueAt))
                .AppendTimestampMicros(Micros(i.DueAt));
            if (i.StoppedAt is { } stopped)
            {
                stages.AppendTimestampMicros(Micros(stopped));
            }
            else
            {
                stages.AppendNull();
            }

            stages.Append(StageStatusText.Of(i.Status)).Append(i.PausedSeconds).Append(i.Extended);
            // The columns after extended follow the schema: evaluated_at came before the applied limit was added.
            if (target == Target.Persistent)
            {
                stages.AppendTimestampMicros(Micros(evaluatedAt!.Value)).Append(i.Limit.ToString());
            }
            else
            {
                stages.Append(i.Limit.ToString()).Append(result.Teams[n]);
            }

            stages.EndRow();
            if (reasons is not null && result.Reasons[n] is { } why)
            {
                reasons.Append(i.Org).Append(i.CaseRef).Append(i.Stage).Append(i.Cycle).Append(why).EndRow();
            }
        }

        foreach (var d in result.Durations)
        {
            durations.Append(org).Append(caseRef).Append(d.Measure).AppendTimestampMicros(Micros(d.EndedAt)).Append(d.Days).EndRow();
        }

        if (result.Letter is { } letter)
        {
            letters.Append(org).Append(caseRef).AppendTimestampMicros(Micros(letter.DueAt))
                .Append(letter.NeedsLetter).Append(letter.LetterMissing).Append(letter.EligibleAfter.ToString()).EndRow();
        }

        foreach (var r in result.Requests)
        {
            requests.Append(org).Append(caseRef).Append(r.Window).AppendTimestampMicros(Micros(r.RequestedAt)).Append(r.Late).EndRow();
        }
    }

    /// <summary>
    /// The team on the case's latest event with a team at or before <paramref name="end"/>; of events at one
    /// instant, the last read. The events are in read order (instant, file, line), as the query sorts them.
    /// </summary>
    private static string? TeamAt(List<CaseEvent> events, List<string?> teams, Instant end)
    {
        string? team = null;
        for (var i = 0; i < events.Count && events[i].OccurredAt <= end; i++)
        {
            team = teams[i] ?? team;
        }

        return team;
    }

    /// <summary>eval_diagnostics: orphan stops and late extensions per organisation and stage, for data-quality sheets.</summary>
    private void WriteDiagnostics(StageEvaluationDiagnostics diagnostics)
    {
        Db.Execute("CREATE OR REPLACE TEMP TABLE eval_diagnostics (org VARCHAR, stage VARCHAR, orphan_stops BIGINT, late_extensions BIGINT)");
        using var appender = Db.CreateAppender("eval_diagnostics");
        foreach (var key in diagnostics.OrphanStops.Keys.Union(diagnostics.LateExtensions.Keys).Order())
        {
            appender.Append(key.Org).Append(key.Stage)
                .Append((long)diagnostics.OrphanStops.GetValueOrDefault(key))
                .Append((long)diagnostics.LateExtensions.GetValueOrDefault(key))
                .EndRow();
        }
    }

    private void CreateTargets(Target target)
    {
        if (target == Target.Temporary)
        {
            Db.Execute("""
                CREATE OR REPLACE TEMP TABLE eval_stage_instances AS
                SELECT * EXCLUDE (evaluated_at), NULL::VARCHAR AS team FROM stage_instances LIMIT 0;
                CREATE OR REPLACE TEMP TABLE eval_stage_reasons (org VARCHAR, case_ref VARCHAR, stage VARCHAR, cycle INTEGER, why VARCHAR);
                """);
        }

        Db.Execute("""
            CREATE OR REPLACE TEMP TABLE eval_durations (org VARCHAR, case_ref VARCHAR, measure VARCHAR, ended_at TIMESTAMPTZ, days DOUBLE);
            CREATE OR REPLACE TEMP TABLE eval_adr_letters (org VARCHAR, case_ref VARCHAR, due_at TIMESTAMPTZ, needs_letter BOOLEAN, letter_missing BOOLEAN, eligible_after VARCHAR);
            CREATE OR REPLACE TEMP TABLE eval_customer_requests (org VARCHAR, case_ref VARCHAR, window_id VARCHAR, requested_at TIMESTAMPTZ, late BOOLEAN);
            """);
    }

    private static long Micros(Instant instant) => instant.ToUnixTimeTicks() / 10;
}

/// <summary>How much one evaluation did, and the data-quality counts it found.</summary>
public sealed record EvaluationSummary(long Cases, long Instances, StageEvaluationDiagnostics Diagnostics);

/// <summary>The status names of contract §4 and §6.</summary>
public static class StageStatusText
{
    public static string Of(StageStatus status) => status switch
    {
        StageStatus.Met => "met",
        StageStatus.MetExtended => "met_extended",
        StageStatus.Breached => "breached",
        StageStatus.OpenWithin => "open_within",
        _ => "open_breached",
    };
}
