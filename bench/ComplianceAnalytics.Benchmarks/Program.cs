using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ComplianceAnalytics.DuckDb;

// Baselines for scripts/benchmark.sh, each timed inside one process with DuckDB alone, and a store's hash:
//   load EXPORTS_DIR DB        CREATE TABLE t AS SELECT * FROM read_csv([...]) UNION ALL BY NAME SELECT * FROM read_json([...])
//   sorted-csv DB OUT.csv      COPY the store's events, sorted by case, to CSV
//   hash DB DIR                SHA-256 of the store's events, ledger, rejected and duplicate rows (DIR: the
//                              folder the files were ingested from, left out of the ledger's paths)
if (args is not (["load", _, _] or ["sorted-csv", _, _] or ["hash", _, _]))
{
    Console.Error.WriteLine("usage: compliance-baseline load EXPORTS_DIR DB | sorted-csv DB OUT.csv | hash DB DIR");
    return 2;
}

if (args[0] == "hash")
{
    return Hash(args[1], args[2]);
}

var watch = Stopwatch.StartNew();
if (args[0] == "load")
{
    using var db = DuckDbDatabase.Open(args[2]);
    using var connection = db.Connect();
    // The floor of the outside check: one statement, every column as text, bad rows skipped.
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
        // read_json has no all_varchar: left to infer, it types a column from its sample (vulnerable as
        // BOOLEAN) and then fails on a later value ("maybe") whatever ignore_errors says. The columns are
        // named as text instead, from the keys of the files' first lines.
        var columns = string.Join(", ", JsonKeys(json).Select(k => $"{Literal(k)}: 'VARCHAR'"));
        parts.Add($"SELECT * FROM read_json({Files(json)}, format = 'newline_delimited', records = true, columns = {{{columns}}}, ignore_errors = true)");
    }

    connection.Execute("CREATE TABLE t AS " + string.Join(" UNION ALL BY NAME ", parts));
}
else
{
    using var db = DuckDbDatabase.Open(args[1]);
    using var connection = db.Connect();
    // Instants are written as UTC timestamps: formatting TIMESTAMPTZ goes through ICU's calendar
    // per value, which would make the baseline many times slower than DuckDB's plain work.
    connection.Execute($"""
        COPY (SELECT * REPLACE (CAST(occurred_at AS TIMESTAMP) AS occurred_at, CAST(due_at AS TIMESTAMP) AS due_at)
              FROM events ORDER BY org, case_ref, occurred_at)
        TO {Literal(args[2])} (HEADER)
        """);
}

Console.Out.WriteLine(watch.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture));
return 0;

// File names and keys are written as SQL literals: a list of names cannot be a bound parameter of a table function.
static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

static string Files(IEnumerable<string> files) => "[" + string.Join(", ", files.Select(Literal)) + "]";

// The keys of the objects on the first lines of each file (lines that are not JSON objects are skipped,
// as the load skips them).
static IEnumerable<string> JsonKeys(IEnumerable<string> files)
{
    var keys = new SortedSet<string>(StringComparer.Ordinal);
    foreach (var file in files)
    {
        foreach (var line in File.ReadLines(file).Take(1000))
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    keys.UnionWith(document.RootElement.EnumerateObject().Select(p => p.Name));
                }
            }
            catch (JsonException)
            {
                // A malformed line adds no key; the load skips it.
            }
        }
    }

    return keys;
}

// One SHA-256 per table, of its rows as DuckDB writes them as text (instants in UTC), in text order, so
// that stores written by two versions of the code compare. The ledger leaves out when a file was
// ingested and the folder it came from (its path counts from there); everything else, file ids and line
// numbers included, counts.
static int Hash(string path, string folder)
{
    var prefixes = new[] { folder, Path.GetFullPath(folder) }.Select(f => Literal(Path.TrimEndingDirectorySeparator(f) + "/"));
    var relative = string.Join(" ", prefixes.Select(p => $"WHEN starts_with(path, {p}) THEN path[length({p}) + 1:]")) + " ELSE path";
    using var db = DuckDbDatabase.Open(path, new Dictionary<string, string> { ["access_mode"] = "READ_ONLY" });
    using var connection = db.Connect();
    connection.Execute("SET TimeZone = 'UTC'");
    // identity as hex: DuckDB's cast of a UHUGEINT to text takes about 0.2 ms a value (minutes for the benchmark's events).
    const string identity = "* REPLACE (to_hex(identity) AS identity)";
    (string Table, string Columns)[] tables =
    [
        ("events", identity),
        ("ingest_files", $"* EXCLUDE (ingested_at) REPLACE (CASE {relative} END AS path)"),
        ("rejected_rows", "*"),
        ("duplicate_rows", identity),
    ];
    using var total = SHA256.Create();
    foreach (var (table, columns) in tables)
    {
        using var sha = SHA256.Create();
        long rows = 0;
        using (var reader = connection.Query($"SELECT CAST(r AS VARCHAR) AS r FROM (SELECT {columns} FROM {table}) r ORDER BY 1"))
        {
            while (reader.Read())
            {
                var bytes = Encoding.UTF8.GetBytes(reader.GetString(0) + "\n");
                sha.TransformBlock(bytes, 0, bytes.Length, null, 0);
                rows++;
            }
        }

        sha.TransformFinalBlock([], 0, 0);
        var line = $"{table} {rows} {Convert.ToHexStringLower(sha.Hash!)}";
        var lineBytes = Encoding.UTF8.GetBytes(line + "\n");
        total.TransformBlock(lineBytes, 0, lineBytes.Length, null, 0);
        Console.Out.WriteLine(line);
    }

    total.TransformFinalBlock([], 0, 0);
    Console.Out.WriteLine($"all {Convert.ToHexStringLower(total.Hash!)}");
    return 0;
}
