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
            foreach (var row in StageInstanceRows.ReadOrdered(store))
            {
                writer.WriteLine(string.Join(
                    ',',
                    Csv(row.Org),
                    Csv(row.CaseRef),
                    Csv(row.Stage),
                    row.Cycle.ToString(CultureInfo.InvariantCulture),
                    Iso(row.StartedAt),
                    Iso(row.OriginalDueAt),
                    Iso(row.DueAt),
                    Iso(row.StoppedAt),
                    row.Status,
                    CsvOutput.Format(row.PausedSeconds),
                    row.Extended ? "true" : "false",
                    row.Limit));
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
        StageInstanceRows.CopyParquet(store, Path.Combine(outDir, "stage_instances"), Path.Combine(outDir, "events"));
        return summary;
    }

    private static EvaluationSummary Evaluate(ComplianceStore store, PolicySet policies, Instant asOf)
    {
        PolicyTables.Load(store, policies);
        return new CaseEvaluation(store, policies, ReportTexts.For).EvaluateAll(_ => asOf);
    }

    private static string Iso(Instant? instant) =>
        instant is { } at ? NodaTime.Text.InstantPattern.ExtendedIso.Format(at) : string.Empty;

    private static string Csv(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
