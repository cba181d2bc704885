using System.Diagnostics;
using System.Globalization;
using ComplianceAnalytics.DuckDb;

// Baselines for scripts/benchmark.sh, each timed inside one process with DuckDB alone:
//   load EXPORTS_DIR DB        CREATE TABLE t AS SELECT * FROM read_csv([...]) UNION ALL BY NAME SELECT * FROM read_json([...])
//   sorted-csv DB OUT.csv      COPY the store's events, sorted by case, to CSV
if (args.Length != 3 || args[0] is not ("load" or "sorted-csv"))
{
    Console.Error.WriteLine("usage: compliance-baseline load EXPORTS_DIR DB | sorted-csv DB OUT.csv");
    return 2;
}

var watch = Stopwatch.StartNew();
if (args[0] == "load")
{
    using var db = DuckDbDatabase.Open(args[2]);
    using var connection = db.Connect();
    // The floor of the outside check: one statement, every column as text, bad rows skipped.
    // The file names are written as SQL literals: a list of names cannot be a bound parameter of a table function.
    static string Files(IEnumerable<string> files) =>
        "[" + string.Join(", ", files.Select(f => "'" + f.Replace("'", "''", StringComparison.Ordinal) + "'")) + "]";
    var all = Directory.EnumerateFiles(args[1]).Order(StringComparer.Ordinal).ToList();
    var csv = all.Where(f => f.EndsWith(".csv", StringComparison.Ordinal)).ToList();
    var json = all.Where(f => f.EndsWith(".jsonl", StringComparison.Ordinal)).ToList();
    var parts = new List<string>();
    if (csv.Count > 0)
    {
        parts.Add($"SELECT * FROM read_csv({Files(csv)}, all_varchar = true, ignore_errors = true, union_by_name = true)");
    }

    if (json.Count > 0)
    {
        parts.Add($"SELECT * FROM read_json({Files(json)}, ignore_errors = true, union_by_name = true)");
    }

    connection.Execute("CREATE TABLE t AS " + string.Join(" UNION ALL BY NAME ", parts));
}
else
{
    using var db = DuckDbDatabase.Open(args[1]);
    using var connection = db.Connect();
    var target = "'" + args[2].Replace("'", "''", StringComparison.Ordinal) + "'";
    // Instants are written as UTC timestamps: formatting TIMESTAMPTZ goes through ICU's calendar
    // per value, which would make the baseline many times slower than DuckDB's plain work.
    connection.Execute($"""
        COPY (SELECT * REPLACE (CAST(occurred_at AS TIMESTAMP) AS occurred_at, CAST(due_at AS TIMESTAMP) AS due_at)
              FROM events ORDER BY org, case_ref, occurred_at)
        TO {target} (HEADER)
        """);
}

Console.Out.WriteLine(watch.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture));
return 0;
