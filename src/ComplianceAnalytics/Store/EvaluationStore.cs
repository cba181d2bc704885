using System.Globalization;
using ComplianceAnalytics.DuckDb;

namespace ComplianceAnalytics.Store;

/// <summary>
/// The stored evaluation of the cases (case_stage_instances, evaluated_cases, case_durations, case_adr_letters,
/// case_customer_requests, case_stage_diagnostics) and what says whether it is current (evaluation_policies,
/// evaluated_files); and, for one as-of, the temporary eval_* views the measures read. Its statements are the
/// <c>Evaluation/*.sql</c> files beside it. See docs/evaluation.md.
/// </summary>
public sealed class EvaluationStore(ComplianceStore store)
{
    /// <summary>Separates organisations in a text parameter (U+001F); an organisation id is printable text.</summary>
    public const char OrgSeparator = '\u001f';

    /// <summary>Separates the organisation/as-of pairs of <see cref="EvaluationReading.Unsettled"/> (U+001E).</summary>
    public const char PairSeparator = '\u001e';

    private DuckDbConnection Db => store.Connection;

    /// <summary>The fingerprint each organisation's stored rows were evaluated under.</summary>
    public Dictionary<string, string> Fingerprints()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = Db.Query("SELECT org, fingerprint FROM evaluation_policies");
        while (reader.Read())
        {
            result[reader.GetString(0)] = reader.GetString(1);
        }

        return result;
    }

    /// <summary>Begins a refresh of the stored evaluation: what follows on this store commits or rolls back as one.</summary>
    public EvaluationRefresh BeginRefresh() => new(Db);

    /// <summary>Removes every stored row of <paramref name="orgs"/>, their fingerprints included.</summary>
    public void InvalidateOrgs(IReadOnlyCollection<string> orgs)
    {
        if (orgs.Count == 0)
        {
            return;
        }

        Db.Execute("CREATE OR REPLACE TEMP TABLE evaluation_orgs (org VARCHAR)");
        using (var appender = Db.CreateAppender("evaluation_orgs"))
        {
            foreach (var org in orgs)
            {
                appender.Append(org).EndRow();
            }
        }

        Db.Execute(Sql("invalidate_orgs"));
        Db.Execute("DROP TABLE temp.evaluation_orgs");
    }

    /// <summary>Records the fingerprint an organisation's rows are now evaluated under.</summary>
    public void SetFingerprint(string org, string fingerprint) =>
        Db.Execute("INSERT OR REPLACE INTO evaluation_policies VALUES ($1, $2)", org, fingerprint);

    /// <summary>Removes the stored rows of the cases with events from <paramref name="fileIds"/>, except those of <paramref name="fullOrgs"/>.</summary>
    public void InvalidateCases(IReadOnlyCollection<long> fileIds, IReadOnlyCollection<string> fullOrgs)
    {
        Db.Execute(Sql("targets"), Ids(fileIds), string.Join(OrgSeparator, fullOrgs));
        Db.Execute(Sql("invalidate"));
        Db.Execute("DROP TABLE temp.evaluation_targets");
    }

    /// <summary>Loaded files whose cases were never evaluated.</summary>
    public List<long> UnevaluatedFiles()
    {
        var result = new List<long>();
        using var reader = Db.Query(Sql("unevaluated_files"));
        while (reader.Read())
        {
            result.Add(reader.GetInt64(0));
        }

        return result;
    }

    /// <summary>Marks <paramref name="fileIds"/> (every loaded file when null) as evaluated.</summary>
    public void RecordFiles(IReadOnlyCollection<long>? fileIds) =>
        Db.Execute(Sql("record_files"), Ids(fileIds ?? []), fileIds is null);

    /// <summary>
    /// A second connection to read the events to evaluate while this store's connection appends the results (the
    /// two halves use both cores). The caller disposes it.
    /// </summary>
    public EvaluationReading OpenReading() => new(store.OpenConnection());

    /// <summary>Empty temporary tables for one as-of's fresh results, and its as-of per organisation.</summary>
    public void CreateFreshTables(IReadOnlyDictionary<string, long> asOfMicrosByOrg)
    {
        ArgumentNullException.ThrowIfNull(asOfMicrosByOrg);
        Db.Execute(Sql("fresh_tables"));
        using var appender = Db.CreateAppender("eval_as_of");
        foreach (var (org, asOf) in asOfMicrosByOrg)
        {
            appender.Append(org).AppendTimestampMicros(asOf).EndRow();
        }
    }

    /// <summary>The eval_* views and eval_diagnostics of the as-of; the cases and stage instances they hold.</summary>
    public (long Cases, long Instances) CreateAsOfViews()
    {
        Db.Execute(Sql("as_of_views"));
        using var reader = Db.Query(Sql("summary"));
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>Appenders on the stored tables, or on the fresh temporary ones.</summary>
    public EvaluationAppenders OpenAppenders(bool fresh) => new(Db, fresh);

    internal static string Ids(IEnumerable<long> ids) => string.Join(',', ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The text of <c>Store/Evaluation/<paramref name="name"/>.sql</c>, read once like the store's other statements.</summary>
    internal static string Sql(string name) => StoreSql.Get("Evaluation." + name);
}
