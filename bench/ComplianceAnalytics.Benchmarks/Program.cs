using System.Diagnostics;
using System.Globalization;
using ComplianceAnalytics.DuckDb;

// Baselines for scripts/benchmark.sh, each timed inside one process with DuckDB alone:
//   load EXPORTS_DIR DB        CREATE TABLE AS SELECT * FROM read_csv/read_json of every export file
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
    var n = 0;
    foreach (var file in Directory.EnumerateFiles(args[1]).Order(StringComparer.Ordinal))
    {
        // The same dialect ingestion reads with (the sample's planted bad rows defeat the sniffer);
        // the table name is a counter of this program's own, the file a bound parameter.
        var reader = file.EndsWith(".jsonl", StringComparison.Ordinal)
            ? "read_json($1, format = 'newline_delimited', ignore_errors = true)"
            : "read_csv($1, header = true, delim = ',', quote = '\"', escape = '\"', all_varchar = true, strict_mode = false, ignore_errors = true)";
        connection.Execute($"CREATE TABLE t{n++.ToString(CultureInfo.InvariantCulture)} AS SELECT * FROM {reader}", file);
    }
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
