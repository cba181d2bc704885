using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using ComplianceAnalytics.Policies;
using ComplianceAnalytics.Store;
using NodaTime;
using NodaTime.Text;

namespace ComplianceAnalytics.Clocks;

/// <summary>
/// Runs the clocks over the cases in the store, once per change (docs/evaluation.md). <see cref="RefreshStored"/>
/// evaluates the cases whose events changed, and every case of an organisation whose policy or calendar changed,
/// with all their events, into the store's tables; <see cref="EvaluateAll"/> gives one as-of's results as the
/// eval_* views: the stored rows of the cases settled by then, and a fresh evaluation of the others. Events stream
/// out of DuckDB ordered by case on a second connection, each case is evaluated on its own with its
/// organisation's policy, and the results stream back in through appenders on the store's connection, a few
/// batches of cases behind, so memory holds a few thousand cases at a time.
/// </summary>
public sealed class CaseEvaluation
{
    private readonly PolicySet _policies;
    private readonly EvaluationStore _evaluations;

    /// <summary>The texts of each organisation's why sentences: English, and its own language's when that is not English.</summary>
    private readonly Dictionary<string, ReasonTexts> _texts;

    /// <summary>An evaluation of the cases in <paramref name="store"/>, each with its organisation's policy in <paramref name="policies"/>.</summary>
    /// <param name="store">The store holding the events and the evaluation.</param>
    /// <param name="policies">Each organisation's policy.</param>
    /// <param name="texts">
    /// The texts of a language (the product's resources): the why sentences are stored in English, and for a
    /// policy whose language is not English also in that language (why_local, which the packs show).
    /// </param>
    public CaseEvaluation(ComplianceStore store, PolicySet policies, Func<string, IClockTexts> texts)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(texts);
        _policies = policies;
        _evaluations = new EvaluationStore(store);
        var english = texts(Policy.DefaultLanguage);
        _texts = policies.All.ToDictionary(
            p => p.Org,
            p => new ReasonTexts(english, p.Language == Policy.DefaultLanguage ? null : texts(p.Language)),
            StringComparer.Ordinal);
    }

    /// <summary>Cases evaluated together and handed to the appending thread at once.</summary>
    private const int EvaluatedBatchSize = 1024;

    /// <summary>Batches evaluated ahead of the appends.</summary>
    private const int EvaluatedBatchesAhead = 4;

    /// <summary>
    /// Any change to the product's code may change what the clocks compute, so its build is part of every
    /// fingerprint: a new version evaluates every case again once.
    /// </summary>
    private static readonly string CodeVersion = typeof(StageClock).Assembly.ManifestModule.ModuleVersionId.ToString();

    /// <summary>
    /// Evaluates again, into the store, the cases that have events from the given files (every case when
    /// <paramref name="fileIds"/> is null) and every case of an organisation whose policy or calendar changed since
    /// its rows were evaluated. Each case is evaluated with all its events.
    /// </summary>
    public EvaluationSummary RefreshStored(IReadOnlyCollection<long>? fileIds)
    {
        var stored = _evaluations.Fingerprints();
        var current = _policies.All.ToDictionary(p => p.Org, p => Fingerprint(p, _texts[p.Org].Local), StringComparer.Ordinal);
        var full = current.Where(p => fileIds is null || stored.GetValueOrDefault(p.Key) != p.Value).Select(p => p.Key).ToList();
        var gone = stored.Keys.Where(org => !current.ContainsKey(org)).ToList();
        if (fileIds is { Count: 0 } && full.Count == 0 && gone.Count == 0)
        {
            return new EvaluationSummary(0, 0);
        }

        using var refresh = _evaluations.BeginRefresh();
        _evaluations.InvalidateOrgs([.. full, .. gone]);
        if (fileIds is { Count: > 0 })
        {
            _evaluations.InvalidateCases(fileIds, full);
        }

        EvaluationSummary summary;
        using (var appenders = _evaluations.OpenAppenders(fresh: false))
        {
            summary = Evaluate(reading => reading.ForRefresh(fileIds, full), appenders, null, eventsBeforeAsOf: false);
        }

        foreach (var org in full)
        {
            _evaluations.SetFingerprint(org, current[org]);
        }

        _evaluations.RecordFiles(fileIds);
        refresh.Commit();
        return summary;
    }

    /// <summary>
    /// The evaluation of every case, each organisation at its own as-of instant (e.g. the first instant of the
    /// next month in its time zone), as the temporary views eval_stage_instances, eval_stage_reasons,
    /// eval_durations, eval_adr_letters and eval_customer_requests and the table eval_diagnostics. The stored
    /// rows are brought up to date first (<see cref="RefreshStored"/>: files loaded but never evaluated, changed
    /// policies); the cases an as-of cuts through, or that have an open instance, are evaluated afresh at it.
    /// eval_stage_instances also holds each instance's team: the team on the case's latest event with a team at or
    /// before its stop (for an open instance: before the as-of), i.e. who held it when it ended. eval_stage_reasons
    /// holds the <see cref="WhyText"/> sentence of every instance that did not simply meet its limit.
    /// </summary>
    /// <param name="asOfFor">Each organisation's as-of, from its policy (e.g. the month's end in its time zone).</param>
    /// <param name="eventsBeforeAsOf">
    /// Only the events strictly before the as-of, as for a month's figures (contract §5: an event at the first
    /// instant of the next month belongs to that month); otherwise those at or before it, as §4 says of an
    /// evaluation at an as-of instant (<c>compliance export</c>).
    /// </param>
    public EvaluationSummary EvaluateAll(Func<Policy, Instant> asOfFor, bool eventsBeforeAsOf = false)
    {
        ArgumentNullException.ThrowIfNull(asOfFor);
        RefreshStored(_evaluations.UnevaluatedFiles());
        var asOfByOrg = _policies.All.ToDictionary(p => p.Org, p => Micros(asOfFor(p)), StringComparer.Ordinal);
        _evaluations.CreateFreshTables(asOfByOrg);
        using (var appenders = _evaluations.OpenAppenders(fresh: true))
        {
            Evaluate(reading => reading.Unsettled(asOfByOrg), appenders, asOfByOrg, eventsBeforeAsOf);
        }

        var (cases, instances) = _evaluations.CreateAsOfViews();
        return new EvaluationSummary(cases, instances);
    }

    /// <summary>
    /// What a stored evaluation depends on besides the case's events: the policy as the system reads it, its
    /// stages' names, its calendar's holidays with their names (the reasons name them), the code, and the language
    /// of its local reasons with their texts (a satellite resource can change without the code).
    /// </summary>
    internal static string Fingerprint(Policy policy, IClockTexts? local)
    {
        var text = new StringBuilder(PolicyJson.Serialize([policy]));
        foreach (var stage in policy.Stages)
        {
            text.Append('\n').Append(stage.Id).Append('=').Append(stage.Name);
        }

        foreach (var day in policy.Calendar.Holidays.Order())
        {
            text.Append('\n').Append(LocalDatePattern.Iso.Format(day)).Append(' ').Append(policy.Calendar.HolidayName(day));
        }

        text.Append('\n').Append(CodeVersion).Append('\n').Append(policy.Language);
        if (local is not null)
        {
            foreach (var key in WhyText.Keys)
            {
                text.Append('\n').Append(key).Append('=').Append(local.All.GetValueOrDefault(key));
            }
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <param name="read">Opens, on the reading connection, the ordered events of the cases to evaluate.</param>
    /// <param name="appenders">Where the results go: the stored tables or the as-of's fresh ones.</param>
    /// <param name="asOfByOrg">Each organisation's as-of (epoch microseconds) for a fresh evaluation; null to store.</param>
    /// <param name="eventsBeforeAsOf">As for <see cref="EvaluateAll"/>.</param>
    private EvaluationSummary Evaluate(
        Func<EvaluationReading, OrderedCaseEvents> read, EvaluationAppenders appenders, IReadOnlyDictionary<string, long>? asOfByOrg, bool eventsBeforeAsOf)
    {
        long cases = 0, instances = 0;

        // Three threads in a pipeline: one reads the cases' events on a second connection, one runs the clocks,
        // and this one appends the results on the store's connection. Each costs about a third (reading a
        // little less, appending a little more), so on two cores no core waits for another.
        using var reading = _evaluations.OpenReading();
        using var stop = new CancellationTokenSource();
        using var readCases = new BlockingCollection<List<CaseEvents>>(EvaluatedBatchesAhead);
        using var evaluated = new BlockingCollection<List<CaseResult>>(EvaluatedBatchesAhead);
        var reader = Task.Run(
            () =>
            {
                try
                {
                    using var events = read(reading);
                    ReadCases(events, readCases, stop.Token);
                }
                finally
                {
                    readCases.CompleteAdding();
                }
            },
            CancellationToken.None);
        var clocks = Task.Run(
            () =>
            {
                try
                {
                    EvaluateCases(readCases, asOfByOrg, eventsBeforeAsOf, evaluated, stop.Token);
                }
                catch
                {
                    // The reader may be waiting for room: it stops, and this failure is the one thrown.
                    stop.Cancel();
                    throw;
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
                    Append(result, appenders);
                }
            }

            // The clocks end normally after a failed read (the reader completes what it hands over): its failure
            // is then the reader's, thrown second.
            clocks.GetAwaiter().GetResult();
            reader.GetAwaiter().GetResult();
            completed = true;
        }
        finally
        {
            if (!completed)
            {
                StopQuietly([reader, clocks], stop);
            }
        }

        return new EvaluationSummary(cases, instances);
    }

    /// <summary>
    /// Stops the reader and the clocks after this connection or one of them failed. The evaluation ends with
    /// that failure; whatever the stopped threads then throw is its consequence.
    /// </summary>
    private static void StopQuietly(Task[] threads, CancellationTokenSource stop)
    {
        stop.Cancel();
        try
        {
            Task.WaitAll(threads, CancellationToken.None);
        }
        catch (AggregateException)
        {
            // See the summary: the failure being thrown is the one that stopped the evaluation.
        }
    }

    /// <summary>One case's events in read order, each with the team it names (null when none).</summary>
    private sealed record CaseEvents(string Org, string CaseRef, List<CaseEvent> Events, List<string?> Teams);

    /// <summary>One case's results, evaluated on the reading thread, appended on the store's connection.</summary>
    /// <param name="Org">The organisation code.</param>
    /// <param name="CaseRef">The case's reference.</param>
    /// <param name="FirstEventAt">The instant of its first event.</param>
    /// <param name="AsOf">The instant it was evaluated at: the as-of, or just after its last event when stored.</param>
    /// <param name="Instances">Its stage instances at <paramref name="AsOf"/>.</param>
    /// <param name="Teams">Each instance's team.</param>
    /// <param name="Reasons">Each instance's reason in English; null for a plain met.</param>
    /// <param name="LocalReasons">Each instance's reason in its organisation's language when that is not English; null otherwise.</param>
    /// <param name="Durations">Its duration measures.</param>
    /// <param name="Letter">The ADR letter status, whenever it falls due.</param>
    /// <param name="Requests">Its customer window requests.</param>
    /// <param name="Diagnostics">Orphan stops and late extensions per stage, for the stages with either.</param>
    /// <param name="SettledFrom">From when its results hold at every as-of; null when never (an open instance) or not stored.</param>
    private sealed record CaseResult(
        string Org,
        string CaseRef,
        Instant FirstEventAt,
        Instant AsOf,
        IReadOnlyList<StageInstance> Instances,
        string?[] Teams,
        string?[] Reasons,
        string?[] LocalReasons,
        IReadOnlyList<CaseDuration> Durations,
        AdrLetterStatus? Letter,
        IReadOnlyList<CustomerWindowRequest> Requests,
        IReadOnlyList<(string Stage, int OrphanStops, int LateExtensions)> Diagnostics,
        Instant? SettledFrom);

    /// <summary>Streams the cases' events in order from <paramref name="reader"/>, one case at a time, in batches.</summary>
    private static void ReadCases(OrderedCaseEvents reader, BlockingCollection<List<CaseEvents>> read, CancellationToken stop)
    {
        var batch = new List<CaseEvents>(EvaluatedBatchSize);
        CaseEvents? current = null;
        while (reader.Read())
        {
            if (reader.StartsCase)
            {
                if (batch.Count == EvaluatedBatchSize)
                {
                    read.Add(batch, stop);
                    batch = new List<CaseEvents>(EvaluatedBatchSize);
                }

                // A case's first event always carries its keys (OrderedCaseEvents).
                current = new CaseEvents(reader.Org!, reader.CaseRef!, [], []);
                batch.Add(current);
            }

            current!.Events.Add(new CaseEvent(reader.EventType, reader.OccurredAt, reader.DueAt));
            current.Teams.Add(reader.Team);
        }

        if (batch.Count > 0)
        {
            read.Add(batch, stop);
        }
    }

    /// <summary>Evaluates each case read on its own, with its organisation's policy (a case of no policy is skipped).</summary>
    private void EvaluateCases(
        BlockingCollection<List<CaseEvents>> read,
        IReadOnlyDictionary<string, long>? asOfByOrg,
        bool eventsBeforeAsOf,
        BlockingCollection<List<CaseResult>> evaluated,
        CancellationToken stop)
    {
        var trace = new ClockTrace();
        foreach (var cases in read.GetConsumingEnumerable(stop))
        {
            var batch = new List<CaseResult>(cases.Count);
            foreach (var c in cases)
            {
                if (_policies.Find(c.Org) is { } policy)
                {
                    batch.Add(EvaluateCase(c.Org, c.CaseRef, policy, _texts[c.Org], c.Events, c.Teams, asOfByOrg, eventsBeforeAsOf, trace));
                }
            }

            evaluated.Add(batch, stop);
        }
    }

    /// <summary>
    /// One case: at its organisation's as-of for a fresh evaluation, or with all its events (as-of just after the
    /// last) to store, with the instant from which that stored result holds at every as-of.
    /// </summary>
    private static CaseResult EvaluateCase(
        string org, string caseRef, Policy policy, ReasonTexts texts, List<CaseEvent> events, List<string?> teams,
        IReadOnlyDictionary<string, long>? asOfByOrg, bool eventsBeforeAsOf, ClockTrace trace)
    {
        // The events arrive in time order, so the last is the latest and only a case whose last event is at
        // the as-of has any to drop.
        var asOf = asOfByOrg is null ? events[^1].OccurredAt + DueDates.Microsecond : Instant.FromUnixTimeTicks(asOfByOrg[org] * 10);
        var counted = eventsBeforeAsOf && events[^1].OccurredAt >= asOf ? events.FindAll(e => e.OccurredAt < asOf) : events;
        var diagnostics = new StageEvaluationDiagnostics();
        trace.Clear();
        var instances = StageClock.Evaluate(org, caseRef, policy, counted, asOf, diagnostics, trace);
        var instanceTeams = instances.Select(i => TeamAt(events, teams, i.StoppedAt ?? asOf - DueDates.Microsecond)).ToArray();
        // A plain met needs no explaining in the packs; compliance explain gives it on demand.
        string? Reason(StageInstance i, IClockTexts? language) =>
            i.Status == StageStatus.Met || language is null ? null : WhyText.Sentence(i, trace.For(i.Stage, i.Cycle), policy, asOf, language);
        var instanceReasons = instances.Select(i => Reason(i, texts.English)).ToArray();
        var localReasons = instances.Select(i => Reason(i, texts.Local)).ToArray();
        var visible = StageClock.InTimeOrder(counted, asOf);
        var letter = AdrLetterCheck.Evaluate(policy, visible);
        var perStage = diagnostics.OrphanStops.Keys.Union(diagnostics.LateExtensions.Keys)
            .Select(k => (k.Stage, diagnostics.OrphanStops.GetValueOrDefault(k), diagnostics.LateExtensions.GetValueOrDefault(k)))
            .ToList();
        // Stopped instances do not change with the as-of, nor does anything else computed from the events; the
        // letter counts from its due time. An open instance's status, due time and pause do change.
        Instant? settledFrom = asOfByOrg is not null || instances.Any(i => i.StoppedAt is null) ? null
            : letter is { } l && l.DueAt > asOf ? l.DueAt
            : asOf;
        return new CaseResult(org, caseRef, events[0].OccurredAt, asOf, instances, instanceTeams, instanceReasons, localReasons,
            Durations.Compute(visible), letter, CustomerWindowClock.Evaluate(policy, visible), perStage, settledFrom);
    }

    private static void Append(CaseResult result, EvaluationAppenders appenders)
    {
        var (org, caseRef, settled) = (result.Org, result.CaseRef, result.SettledFrom);
        for (var n = 0; n < result.Instances.Count; n++)
        {
            var i = result.Instances[n];
            appenders.AppendInstance(
                i.Org, i.CaseRef, i.Stage, i.Cycle, i.StartedAt, i.OriginalDueAt, i.DueAt, i.StoppedAt, StageStatusText.Of(i.Status), i.PausedSeconds,
                i.Extended, result.AsOf, i.Limit.ToString(), result.Teams[n], result.Reasons[n], settled, result.LocalReasons[n]);
        }

        appenders.AppendCase(org, caseRef, result.FirstEventAt, settled);
        foreach (var d in result.Durations)
        {
            appenders.AppendDuration(org, caseRef, d.Measure, d.EndedAt, d.Days, settled);
        }

        if (result.Letter is { } letter)
        {
            appenders.AppendLetter(org, caseRef, letter.DueAt, letter.NeedsLetter, letter.LetterMissing, letter.EligibleAfter.ToString(), settled);
        }

        foreach (var r in result.Requests)
        {
            appenders.AppendRequest(org, caseRef, r.Window, r.RequestedAt, r.Late, settled);
        }

        foreach (var (stage, orphans, late) in result.Diagnostics)
        {
            appenders.AppendDiagnostic(org, caseRef, stage, orphans, late, settled);
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

    private static long Micros(Instant instant) => instant.ToUnixTimeTicks() / 10;

    /// <summary>An organisation's texts of the why sentences: English, and its own language's (null when English).</summary>
    private sealed record ReasonTexts(IClockTexts English, IClockTexts? Local);
}

/// <summary>How many cases and stage instances one evaluation gave.</summary>
public sealed record EvaluationSummary(long Cases, long Instances);

/// <summary>The status names of contract §4 and §6.</summary>
public static class StageStatusText
{
    /// <summary>The status's name in the contract's files and the store, e.g. <c>met_extended</c>.</summary>
    public static string Of(StageStatus status) => status switch
    {
        StageStatus.Met => "met",
        StageStatus.MetExtended => "met_extended",
        StageStatus.Breached => "breached",
        StageStatus.OpenWithin => "open_within",
        _ => "open_breached",
    };
}
