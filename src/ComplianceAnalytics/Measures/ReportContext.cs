using ComplianceAnalytics.Actions;
using ComplianceAnalytics.Clocks;
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
        ReportTables.CreateMonths(store);
        // A day either side of the events' UTC dates covers their local dates in any zone.
        var firstDay = EventSpan.First(store) is { } first
            ? first.InUtc().Date.PlusDays(-1)
            : month.OnDayOfMonth(1);
        // Past the as-of far enough for the Due soon window (MaxDueSoonDays working days, a few weeks at most).
        var lastDay = month.PlusMonths(1).OnDayOfMonth(1).PlusDays(2 * MaxDueSoonDays + 14);
        PolicyTables.Load(store, policies, new DateInterval(LocalDate.Min(firstDay, lastDay), lastDay));
        ActionTables.Load(store, actions ?? ActionSet.Empty);
        (margins ?? GroupOutcomeMargins.Default).Load(store);
        LoadTexts(store, policies);
        ReportTables.AppendMonths(store, policies.All.SelectMany(policy => Enumerable.Range(0, TrendMonths).Reverse().Select(back =>
        {
            var m = month.PlusMonths(-back);
            return new ReportMonthRow(policy.Org, FormatMonth(m), policy.TimeZone.AtStartOfDay(m.OnDayOfMonth(1)).ToInstant(), MonthEnd(m, policy.TimeZone));
        })));
        ReportTables.InsertParams(
            store,
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
    private static void LoadTexts(ComplianceStore store, PolicySet policies) =>
        ReportTables.LoadTexts(store, policies.All.SelectMany(Texts));

    private static IEnumerable<ReportTextRow> Texts(Policy policy)
    {
        if (!ReportTexts.Exists(policy.Language))
        {
            throw new InvalidOperationException(
                $"{policy.SourcePath}: language: there are no pack texts for '{policy.Language}' (add src/ComplianceAnalytics/Measures/Texts.{policy.Language}.resx; docs/packs.md, \"Languages\").");
        }

        foreach (var (key, text) in ReportTexts.For(policy.Language).All)
        {
            yield return new ReportTextRow(policy.Org, key, text);
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
        var result = MeasureResults.Run(_store, _queries.Sql(queryName), MonthText, Path.Combine(_queries.Folder, queryName + ".sql"));
        return new QueryTable(result.Columns, result.Rows);
    }
}
