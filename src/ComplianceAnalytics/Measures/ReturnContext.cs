using ComplianceAnalytics.Clocks;
using ComplianceAnalytics.DuckDb;
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
        var db = store.Connection;
        db.Execute("""
            CREATE OR REPLACE TEMP TABLE return_periods (org VARCHAR, period VARCHAR, start_at TIMESTAMPTZ, end_at TIMESTAMPTZ);
            CREATE OR REPLACE TEMP TABLE return_days (org VARCHAR, day DATE, day_start TIMESTAMPTZ, due_3bd TIMESTAMPTZ, due_8w TIMESTAMPTZ);
            """);
        // A day either side of the events' UTC dates covers their local dates in any zone.
        var firstDay = db.Scalar<long?>("SELECT epoch_us(min(occurred_at)) FROM events") is { } first
            ? LocalDate.Min(Instant.FromUnixTimeTicks(first * 10).InUtc().Date.PlusDays(-1), period.FirstDay)
            : period.FirstDay;
        using (var periods = db.CreateAppender("return_periods"))
        {
            foreach (var policy in policies.All)
            {
                periods.Append(policy.Org).Append(period.Text);
                Micros(periods, period.Start(policy.TimeZone));
                Micros(periods, period.End(policy.TimeZone));
                periods.EndRow();
            }
        }

        using (var days = db.CreateAppender("return_days"))
        {
            foreach (var policy in policies.All)
            {
                for (var day = firstDay; day <= period.EndDay; day = day.PlusDays(1))
                {
                    var start = policy.TimeZone.AtStartOfDay(day).ToInstant();
                    days.Append(policy.Org).AppendDate(day.ToDateOnly());
                    Micros(days, start);
                    Micros(days, DueDates.Due(start, ThreeBusinessDays, policy.TimeZone, policy.Calendar));
                    Micros(days, DueDates.EndOfDay(day.PlusDays(56), policy.TimeZone));
                    days.EndRow();
                }
            }
        }

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
        try
        {
            using var reader = _store.Connection.Query(_queries.Sql(queryName));
            return ReportContext.Read(reader);
        }
        catch (DuckDbException ex)
        {
            throw new InvalidOperationException($"{Path.Combine(_queries.Folder, queryName + ".sql")}: {ex.Message}", ex);
        }
    }

    private static void Micros(DuckDbAppender appender, Instant instant) =>
        appender.AppendTimestampMicros(instant.ToUnixTimeTicks() / 10);
}
