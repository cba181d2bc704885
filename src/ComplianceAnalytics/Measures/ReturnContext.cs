using ComplianceAnalytics.Clocks;
using ComplianceAnalytics.Policies;
using ComplianceAnalytics.Store;
using NodaTime;

namespace ComplianceAnalytics.Measures;

/// <summary>
/// Prepares the store for the complaints return of one period (contract §7) and runs its queries
/// (<c>queries/return/*.sql</c>): return_periods holds each organisation's period bounds, and
/// return_days, for each local date a case may have been received on, the first instant of that
/// date and the two due times the return's time bands compare with (3 working days, 56 days).
/// </summary>
public sealed class ReturnContext
{
    /// <summary>The folder of the return's queries, beneath the measures' queries folder.</summary>
    public const string QueriesSubfolder = "return";

    private readonly ComplianceStore _store;
    private readonly QueryCatalog _queries;

    private ReturnContext(ComplianceStore store, QueryCatalog queries, ReturnPeriod period)
    {
        _store = store;
        _queries = queries;
        Period = period;
    }

    /// <summary>The period the return covers.</summary>
    public ReturnPeriod Period { get; }

    /// <summary>The return's SQL (<c>queries/return/</c>).</summary>
    public QueryCatalog Queries => _queries;

    private static readonly TimeLimit ThreeBusinessDays = new(3, LimitUnit.BusinessDays);

    /// <summary>Fills the period's temporary tables (each organisation's bounds in its zone, each local day's due times) and runs the preparation queries.</summary>
    public static ReturnContext Prepare(ComplianceStore store, PolicySet policies, QueryCatalog queries, ReturnPeriod period)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(period);
        ReturnTables.Create(store);
        // A day either side of the events' UTC dates covers their local dates in any zone.
        var firstDay = EventSpan.First(store) is { } first
            ? LocalDate.Min(first.InUtc().Date.PlusDays(-1), period.FirstDay)
            : period.FirstDay;
        ReturnTables.AppendPeriods(store, policies.All.Select(policy =>
            new ReturnPeriodRow(policy.Org, period.Text, period.Start(policy.TimeZone), period.End(policy.TimeZone))));
        ReturnTables.AppendDays(store, policies.All.SelectMany(policy => Days(policy, firstDay, period.EndDay)));

        var context = new ReturnContext(store, queries, period);
        foreach (var name in queries.Names.Where(ReportContext.IsPreparation))
        {
            context.Run(name);
        }

        return context;
    }

    /// <summary>Runs the return's query <paramref name="queryName"/> on the prepared tables.</summary>
    public QueryTable Run(string queryName)
    {
        // The return's queries take no parameter: each runs as it is.
        var result = MeasureResults.Run(_store, _queries.Sql(queryName), parameter: null, Path.Combine(_queries.Folder, queryName + ".sql"));
        return new QueryTable(result.Columns, result.Rows);
    }

    /// <summary>Each local date from <paramref name="firstDay"/> to <paramref name="endDay"/> inclusive, its first instant and its two due times.</summary>
    private static IEnumerable<ReturnDayRow> Days(Policy policy, LocalDate firstDay, LocalDate endDay)
    {
        for (var day = firstDay; day <= endDay; day = day.PlusDays(1))
        {
            var start = policy.TimeZone.AtStartOfDay(day).ToInstant();
            yield return new ReturnDayRow(
                policy.Org, day, start, DueDates.Due(start, ThreeBusinessDays, policy.TimeZone, policy.Calendar), DueDates.EndOfDay(day.PlusDays(56), policy.TimeZone));
        }
    }
}
