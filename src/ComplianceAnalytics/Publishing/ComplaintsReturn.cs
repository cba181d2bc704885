using ComplianceAnalytics.Measures;
using ComplianceAnalytics.Packs;
using ComplianceAnalytics.Policies;
using ComplianceAnalytics.Store;
using NodaTime;

namespace ComplianceAnalytics.Publishing;

/// <summary>
/// The complaints return of a period (contract §6, §7): <c>complaints_return.csv</c> and
/// <c>complaints_causes.csv</c> for every organisation together, and each organisation's return
/// workbook under <c>DIR/&lt;org&gt;/</c>, all from one evaluation of <c>queries/return/</c>.
/// </summary>
public sealed class ComplaintsReturn
{
    /// <summary>The contract's files, each the result of the query of the same name.</summary>
    public static readonly IReadOnlyList<string> CsvFiles = ["complaints_return", "complaints_causes"];

    /// <summary>Each organisation's last event when its data stops short of the period's end (the workbooks' coverage line).</summary>
    private const string CoverageQuery = "return_coverage";

    private readonly ComplianceStore _store;
    private readonly PolicySet _policies;
    private readonly IClock _clock;
    private readonly ReportSettings _settings;

    /// <summary>A return over the store's events under the given policies; the clock stamps the manifests' generation time.</summary>
    public ComplaintsReturn(ComplianceStore store, PolicySet policies, IClock clock, ReportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _store = store;
        _policies = policies;
        _clock = clock;
        _settings = settings;
    }

    /// <summary>The file name of an organisation's return workbook, e.g. <c>complaints-return-2027-H1.xlsx</c>.</summary>
    public static string WorkbookName(ReturnPeriod period) => $"complaints-return-{period?.Text}.xlsx";

    /// <summary>Writes the period's CSV files into <paramref name="outDir"/> and, unless told not to, each organisation's workbook.</summary>
    /// <param name="period">The half-year or month the return covers.</param>
    /// <param name="outDir">The output folder, created when absent; workbooks go under <c>&lt;org&gt;/</c>.</param>
    /// <param name="workbooks">False writes the CSV files only (<c>report --month</c> writes them beside the packs).</param>
    public IReadOnlyList<OutputFile> Write(ReturnPeriod period, string outDir, bool workbooks = true)
    {
        ArgumentNullException.ThrowIfNull(period);
        Directory.CreateDirectory(outDir);
        var queries = QueryCatalog.Load(Path.Combine(_settings.QueriesFolder, ReturnContext.QueriesSubfolder));
        var context = ReturnContext.Prepare(_store, _policies, queries, period);
        var outputs = new List<OutputFile>();
        var results = CsvFiles.ToDictionary(name => name, context.Run, StringComparer.Ordinal);
        foreach (var (name, table) in results)
        {
            var path = Path.Combine(outDir, name + ".csv");
            CsvOutput.Write(path, table);
            outputs.Add(OutputFile.Of(path));
        }

        if (!workbooks)
        {
            return outputs;
        }

        var generatedAt = _clock.GetCurrentInstant();
        var version = _settings.SoftwareVersion ?? MonthlyReport.SoftwareVersion;
        var returns = ReturnFigures.Read(results["complaints_return"], results["complaints_causes"]);
        var coverage = context.Run(CoverageQuery).Rows
            .ToDictionary(row => (string)row[0]!, row => row[1] is DateTime last ? Instant.FromDateTimeUtc(DateTime.SpecifyKind(last, DateTimeKind.Utc)) : (Instant?)null, StringComparer.Ordinal);
        foreach (var policy in _policies.All)
        {
            var folder = Path.Combine(outDir, policy.Org);
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, WorkbookName(period));
            var dataEnds = coverage.GetValueOrDefault(policy.Org) is { } last ? last.InZone(policy.TimeZone).LocalDateTime : (LocalDateTime?)null;
            var firm = new ReturnFirm(policy.Org, policy.Name, policy.TimeZone.Id, period.Text, period.FirstDay, period.EndDay.PlusDays(-1), dataEnds);
            ReturnWorkbook.Write(
                firm,
                returns.Where(r => r.Org == policy.Org).ToList(),
                path,
                new WorkbookMetadata("ComplianceAnalytics " + version, "Complaints return " + period.Text, generatedAt.ToDateTimeUtc())
                {
                    Texts = ReportTexts.For(policy.Language),
                    Currency = policy.Currency,
                });
            outputs.Add(OutputFile.Of(path));
        }

        return outputs;
    }
}
