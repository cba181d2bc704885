using System.Globalization;
using ComplianceAnalytics.Clocks;
using ComplianceAnalytics.Policies;
using ComplianceAnalytics.Store;
using NodaTime;

namespace ComplianceAnalytics.Measures;

/// <summary>
/// <c>compliance export</c>: every stage instance of every case evaluated at one as-of instant,
/// as <c>stage_instances.csv</c> (contract §6) or as Parquet partitioned by org and month together
/// with the canonical events, for a cluster to run the same queries on.
/// </summary>
public static class StageInstanceExport
{
    /// <summary>The header row of <c>stage_instances.csv</c> (contract §6), in column order.</summary>
    public const string Header = "org,case_ref,stage,cycle,started_at,original_due_at,due_at,stopped_at,status,paused_seconds,extended,limit";

    private const string OrderedInstances = """
        SELECT i.org, i.case_ref, i.stage, i.cycle, i.started_at, i.original_due_at, i.due_at, i.stopped_at, i.status,
               i.paused_seconds, i.extended, i.applied_limit AS "limit"
        FROM eval_stage_instances i
        JOIN policy_stages ps ON ps.org = i.org AND ps.stage = i.stage
        ORDER BY i.org, i.case_ref, ps.position, i.cycle
        """;

    /// <summary>Evaluates every case at <paramref name="asOf"/> (events at or before it) and writes <c>stage_instances.csv</c> into <paramref name="outDir"/>.</summary>
    public static EvaluationSummary WriteCsv(ComplianceStore store, PolicySet policies, Instant asOf, string outDir)
    {
        ArgumentNullException.ThrowIfNull(store);
        Directory.CreateDirectory(outDir);
        var summary = Evaluate(store, policies, asOf);
        var path = Path.Combine(outDir, "stage_instances.csv");
        var temporary = path + ".tmp";
        using (var writer = new StreamWriter(temporary, false, new System.Text.UTF8Encoding(false)))
        {
            writer.NewLine = "\n";
            writer.WriteLine(Header);
            using var reader = store.Connection.Query(OrderedInstances);
            var fields = new string[12];
            while (reader.Read())
            {
                fields[0] = Csv(reader.GetString(0));
                fields[1] = Csv(reader.GetString(1));
                fields[2] = Csv(reader.GetString(2));
                fields[3] = reader.GetInt64(3).ToString(CultureInfo.InvariantCulture);
                for (var i = 4; i <= 7; i++)
                {
                    fields[i] = reader.IsNull(i) ? string.Empty : Iso(reader.GetTimestampMicros(i));
                }

                fields[8] = reader.GetString(8);
                fields[9] = CsvOutput.Format(reader.GetDouble(9));
                fields[10] = reader.GetBoolean(10) ? "true" : "false";
                fields[11] = reader.GetString(11);
                writer.WriteLine(string.Join(',', fields));
            }
        }

        File.Move(temporary, path, overwrite: true);
        return summary;
    }

    /// <summary>
    /// Parquet, hive-partitioned by org and month (of started_at for instances, of occurred_at for
    /// events, UTC), so that Spark or Trino can read <c>DIR/stage_instances</c> and <c>DIR/events</c>.
    /// </summary>
    public static EvaluationSummary WriteParquet(ComplianceStore store, PolicySet policies, Instant asOf, string outDir)
    {
        ArgumentNullException.ThrowIfNull(store);
        Directory.CreateDirectory(outDir);
        var summary = Evaluate(store, policies, asOf);
        var db = store.Connection;
        db.Execute($"""
            COPY (SELECT *, strftime(started_at, '%Y-%m') AS month FROM ({OrderedInstances}))
            TO {SqlText.Literal(Path.Combine(outDir, "stage_instances"))} (FORMAT parquet, PARTITION_BY (org, month), OVERWRITE_OR_IGNORE)
            """);
        db.Execute($"""
            COPY (SELECT * EXCLUDE (identity), strftime(occurred_at, '%Y-%m') AS month FROM events ORDER BY org, case_ref, occurred_at, file_id, line)
            TO {SqlText.Literal(Path.Combine(outDir, "events"))} (FORMAT parquet, PARTITION_BY (org, month), OVERWRITE_OR_IGNORE)
            """);
        return summary;
    }

    private static EvaluationSummary Evaluate(ComplianceStore store, PolicySet policies, Instant asOf)
    {
        PolicyTables.Load(store, policies);
        return new CaseEvaluation(store, policies, ReportTexts.For).EvaluateAll(_ => asOf);
    }

    private static string Iso(long micros) =>
        NodaTime.Text.InstantPattern.ExtendedIso.Format(Instant.FromUnixTimeTicks(micros * 10));

    private static string Csv(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
