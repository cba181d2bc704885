using ComplianceAnalytics.Clocks;
using ComplianceAnalytics.DuckDb;
using ComplianceAnalytics.Policies;
using ComplianceAnalytics.Store;
using NodaTime;
using NodaTime.Text;

namespace ComplianceAnalytics.Measures;

/// <summary>
/// Prepares the store for the measures of one reporting month: evaluates every case with each
/// organisation's as-of instant (the first instant of the next month in its time zone, contract §5),
/// and fills report_months (each organisation's calendar months as UTC bounds, for the month and
/// the eleven before it) and policy_stages. The queries in <c>queries/</c> read those tables.
/// </summary>
public sealed class ReportContext
{
    public const int TrendMonths = 12;

    private static readonly YearMonthPattern MonthPattern = YearMonthPattern.CreateWithInvariantCulture("uuuu'-'MM");

    private readonly ComplianceStore _store;
    private readonly PolicySet _policies;
    private readonly QueryCatalog _queries;

    private ReportContext(ComplianceStore store, PolicySet policies, QueryCatalog queries, YearMonth month, EvaluationSummary evaluation)
    {
        _store = store;
        _policies = policies;
        _queries = queries;
        Month = month;
        Evaluation = evaluation;
    }

    public YearMonth Month { get; }

    public string MonthText => MonthPattern.Format(Month);

    public EvaluationSummary Evaluation { get; }

    public QueryCatalog Queries => _queries;

    public static YearMonth ParseMonth(string text)
    {
        var result = MonthPattern.Parse(text ?? string.Empty);
        return result.Success ? result.Value : throw new FormatException($"'{text}' is not a month of the form YYYY-MM.");
    }

    public static string FormatMonth(YearMonth month) => MonthPattern.Format(month);

    /// <summary>The first instant of the month after <paramref name="month"/> in the policy's zone: the month's as-of.</summary>
    public static Instant MonthEnd(YearMonth month, DateTimeZone zone) =>
        zone.AtStartOfDay(month.PlusMonths(1).OnDayOfMonth(1)).ToInstant();

    public static ReportContext Prepare(ComplianceStore store, PolicySet policies, QueryCatalog queries, YearMonth month)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(policies);
        var db = store.Connection;
        db.Execute("""
            CREATE OR REPLACE TEMP TABLE report_months (org VARCHAR, month VARCHAR, start_at TIMESTAMPTZ, end_at TIMESTAMPTZ);
            CREATE OR REPLACE TEMP TABLE report_params (month VARCHAR, first_month VARCHAR);
            """);
        PolicyStagesTable.Load(store, policies);
        using (var months = db.CreateAppender("report_months"))
        {
            foreach (var policy in policies.All)
            {
                for (var back = TrendMonths - 1; back >= 0; back--)
                {
                    var m = month.PlusMonths(-back);
                    var start = policy.TimeZone.AtStartOfDay(m.OnDayOfMonth(1)).ToInstant();
                    months.Append(policy.Org).Append(FormatMonth(m))
                        .AppendTimestampMicros(start.ToUnixTimeTicks() / 10)
                        .AppendTimestampMicros(MonthEnd(m, policy.TimeZone).ToUnixTimeTicks() / 10)
                        .EndRow();
                }
            }
        }

        db.Execute("INSERT INTO report_params VALUES ($1, $2)", FormatMonth(month), FormatMonth(month.PlusMonths(-(TrendMonths - 1))));
        var evaluation = new CaseEvaluation(store, policies).EvaluateAll(p => MonthEnd(month, p.TimeZone));
        return new ReportContext(store, policies, queries, month, evaluation);
    }

    /// <summary>Runs one query of the catalogue; a query that takes a parameter gets the month as <c>$1</c>.</summary>
    public QueryTable Run(string queryName)
    {
        var sql = _queries.Sql(queryName);
        using var statement = _store.Connection.Prepare(sql);
        if (statement.ParameterCount > 0)
        {
            statement.Bind(1, MonthText);
        }

        using var reader = statement.ExecuteReader();
        return Read(reader);
    }

    internal static QueryTable Read(DuckDbReader reader)
    {
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[columns.Count];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsNull(i) ? null : reader.GetColumnType(i) switch
                {
                    DuckDbType.TimestampTz or DuckDbType.Timestamp => reader.GetDateTime(i),
                    DuckDbType.Decimal => reader.GetDecimal(i),
                    DuckDbType.Float or DuckDbType.Double => reader.GetDouble(i),
                    DuckDbType.Boolean => reader.GetBoolean(i),
                    DuckDbType.Date => reader.GetDate(i),
                    DuckDbType.TinyInt or DuckDbType.SmallInt or DuckDbType.Integer or DuckDbType.BigInt
                        or DuckDbType.UTinyInt or DuckDbType.USmallInt or DuckDbType.UInteger or DuckDbType.UBigInt
                        or DuckDbType.HugeInt => reader.GetInt64(i),
                    _ => reader.GetString(i),
                };
            }

            rows.Add(row);
        }

        return new QueryTable(columns, rows);
    }
}
