using ComplianceAnalytics.Actions;
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
    /// <summary>The months report_months holds for each organisation: the report month and the eleven before it.</summary>
    public const int TrendMonths = 12;

    /// <summary>Closed instances below which a rate is "too few cases" (grey), when not configured.</summary>
    public const int DefaultMinCases = 5;

    /// <summary>The working days after the as-of within which an open instance is "due soon" (Compliance:DueSoonWorkingDays).</summary>
    public const int DefaultDueSoonDays = 2;

    /// <summary>The most Compliance:DueSoonWorkingDays may be (working_days runs far enough past the as-of for it).</summary>
    public const int MaxDueSoonDays = 20;

    /// <summary>The attainment target of a stage whose policy names none, when not configured.</summary>
    public const double DefaultTarget = 0.95;

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

    /// <summary>The report month.</summary>
    public YearMonth Month { get; }

    /// <summary>The report month as <c>yyyy-MM</c>.</summary>
    public string MonthText => MonthPattern.Format(Month);

    /// <summary>How many cases and instances the month's evaluation holds.</summary>
    public EvaluationSummary Evaluation { get; }

    /// <summary>The measures' SQL the month's results come from.</summary>
    public QueryCatalog Queries => _queries;

    /// <summary>Parses <c>yyyy-MM</c> (e.g. a <c>--month</c> argument); anything else throws a <see cref="FormatException"/>.</summary>
    public static YearMonth ParseMonth(string text)
    {
        var result = MonthPattern.Parse(text ?? string.Empty);
        return result.Success ? result.Value : throw new FormatException($"'{text}' is not a month of the form YYYY-MM.");
    }

    /// <summary>The month as <c>yyyy-MM</c>, as file names and the contract's files write it.</summary>
    public static string FormatMonth(YearMonth month) => MonthPattern.Format(month);

    /// <summary>The first instant of the month after <paramref name="month"/> in the policy's zone: the month's as-of.</summary>
    public static Instant MonthEnd(YearMonth month, DateTimeZone zone) =>
        zone.AtStartOfDay(month.PlusMonths(1).OnDayOfMonth(1)).ToInstant();

    /// <param name="store">The store to evaluate and fill with the month's temporary tables.</param>
    /// <param name="policies">The policies; each organisation's as-of is the month's end in its zone.</param>
    /// <param name="queries">The measures' SQL, kept for the results.</param>
    /// <param name="month">The report month.</param>
    /// <param name="actions">The actions folder's actions, for the director pack; none when null.</param>
    /// <param name="margins">When Outcomes by group flags a group; the defaults when null.</param>
    /// <param name="minCases">Closed instances below which a rate is judged "too few cases" (report_params.min_cases).</param>
    /// <param name="defaultTarget">The attainment target of a stage whose policy sets none (report_params.default_target).</param>
    /// <param name="dueSoonDays">The Due soon sheet's window in working days after the as-of (report_params.due_soon_days).</param>
    public static ReportContext Prepare(
        ComplianceStore store, PolicySet policies, QueryCatalog queries, YearMonth month, ActionSet? actions = null, GroupOutcomeMargins? margins = null,
        int minCases = DefaultMinCases, double defaultTarget = DefaultTarget, int dueSoonDays = DefaultDueSoonDays)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(policies);
        var db = store.Connection;
        db.Execute("""
            CREATE OR REPLACE TEMP TABLE report_months (org VARCHAR, month VARCHAR, start_at TIMESTAMPTZ, end_at TIMESTAMPTZ);
            CREATE OR REPLACE TEMP TABLE report_params (month VARCHAR, first_month VARCHAR, min_cases BIGINT, default_target DOUBLE, due_soon_days BIGINT);
            """);
        // A day either side of the events' UTC dates covers their local dates in any zone.
        var firstDay = db.Scalar<long?>("SELECT epoch_us(min(occurred_at)) FROM events") is { } first
            ? Instant.FromUnixTimeTicks(first * 10).InUtc().Date.PlusDays(-1)
            : month.OnDayOfMonth(1);
        // Past the as-of far enough for the Due soon window (MaxDueSoonDays working days, a few weeks at most).
        var lastDay = month.PlusMonths(1).OnDayOfMonth(1).PlusDays(2 * MaxDueSoonDays + 14);
        PolicyTables.Load(store, policies, new DateInterval(LocalDate.Min(firstDay, lastDay), lastDay));
        ActionTables.Load(store, actions ?? ActionSet.Empty);
        (margins ?? GroupOutcomeMargins.Default).Load(store);
        LoadTexts(store, policies);
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

        db.Execute(
            "INSERT INTO report_params VALUES ($1, $2, $3, $4, $5)",
            FormatMonth(month), FormatMonth(month.PlusMonths(-(TrendMonths - 1))), (long)minCases, defaultTarget, (long)dueSoonDays);
        var evaluation = new CaseEvaluation(store, policies, ReportTexts.For).EvaluateAll(p => MonthEnd(month, p.TimeZone), eventsBeforeAsOf: true);
        var context = new ReportContext(store, policies, queries, month, evaluation);
        foreach (var name in queries.Names.Where(IsPreparation))
        {
            context.Run(name);
        }

        return context;
    }

    /// <summary>
    /// report_texts holds each organisation's texts in its policy's language, and the macros the cover
    /// queries compose their sentences with: tr(org, key) (an error for a missing key, never a blank),
    /// num() and pct() with the language's decimal sign, month_name(), month_year() and long_local().
    /// </summary>
    private static void LoadTexts(ComplianceStore store, PolicySet policies)
    {
        var db = store.Connection;
        db.Execute("""
            CREATE OR REPLACE TEMP TABLE report_texts (org VARCHAR, key VARCHAR, text VARCHAR);
            CREATE OR REPLACE TEMP MACRO tr(o, k) AS coalesce(
                (SELECT any_value(report_texts.text) FROM report_texts WHERE report_texts.org = o AND report_texts.key = k),
                error('report_texts: no text ' || k || ' for ' || coalesce(o, 'no organisation')));
            CREATE OR REPLACE TEMP MACRO num(o, x, d) AS replace(printf('%.' || d || 'f', x), '.', tr(o, 'number.decimal'));
            CREATE OR REPLACE TEMP MACRO pct(o, x, d) AS format(tr(o, 'number.percent'), num(o, 100 * x, d));
            CREATE OR REPLACE TEMP MACRO month_name(o, d) AS tr(o, 'month.' || month(d));
            CREATE OR REPLACE TEMP MACRO month_year(o, d) AS format(tr(o, 'date.month_year'), month_name(o, d), year(d));
            CREATE OR REPLACE TEMP MACRO long_local(o, t) AS format(tr(o, 'date.long'), day(t), month_name(o, t), year(t), strftime(t, '%H:%M'));
            """);
        using var texts = db.CreateAppender("report_texts");
        foreach (var policy in policies.All)
        {
            if (!ReportTexts.Exists(policy.Language))
            {
                throw new InvalidOperationException(
                    $"{policy.SourcePath}: language: there are no pack texts for '{policy.Language}' (add src/ComplianceAnalytics/Measures/Texts.{policy.Language}.resx; docs/packs.md, \"Languages\").");
            }

            foreach (var (key, text) in ReportTexts.For(policy.Language).All)
            {
                texts.Append(policy.Org).Append(key).Append(text).EndRow();
            }
        }
    }

    /// <summary>
    /// A query whose name starts with "_" prepares a table that other queries read (e.g. case_facts);
    /// all of them run once, in ordinal order of name, before any other.
    /// </summary>
    public static bool IsPreparation(string queryName) => queryName.StartsWith('_');

    /// <summary>Runs one query of the catalogue; a query that uses <c>$1</c> gets the month as that parameter.</summary>
    public QueryTable Run(string queryName)
    {
        var sql = _queries.Sql(queryName);
        try
        {
            // A query without the month parameter runs unprepared: DuckDB turns a PIVOT over values
            // taken from the data into several statements, which cannot be prepared.
            if (!sql.Contains("$1", StringComparison.Ordinal))
            {
                using var plain = _store.Connection.Query(sql);
                return Read(plain);
            }

            using var statement = _store.Connection.Prepare(sql);
            statement.Bind(1, MonthText);
            using var reader = statement.ExecuteReader();
            return Read(reader);
        }
        catch (DuckDbException ex)
        {
            throw new InvalidOperationException($"{Path.Combine(_queries.Folder, queryName + ".sql")}: {ex.Message}", ex);
        }
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
