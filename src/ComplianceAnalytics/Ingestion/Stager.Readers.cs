using System.Globalization;
using ComplianceAnalytics.Domain;
using ComplianceAnalytics.Exports;
using ComplianceAnalytics.Store;

namespace ComplianceAnalytics.Ingestion;

/// <summary>The readers: CSV and JSON Lines read by DuckDB as text, each into the staged table's source.</summary>
internal sealed partial class Stager
{
    /// <summary>
    /// CSV: positional text columns c0..cN from DuckDB's reader, malformed records collected in its
    /// rejects table with their record number (the header is line 1).
    /// </summary>
    private StagedSource StageCsv(WorkTables table, string path, MappingProfile profile)
    {
        var (header, error) = ExportHeader.ReadCsv(path);
        if (header is null)
        {
            return StagedSource.Failed(error!);
        }

        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            positions.TryAdd(header[i], i);
        }

        // A header that lacks a required column (after the profile) cannot give a single usable
        // row: the file is quarantined as a whole rather than loaded with every row rejected.
        var missing = CanonicalColumns.Required
            .Where(c => !(c == CanonicalColumns.Org && profile.Org is not null) && !positions.ContainsKey(profile.SourceColumn(c)))
            .Select(profile.SourceColumn)
            .ToList();
        if (missing.Count > 0)
        {
            return StagedSource.Failed($"the header lacks the required column{(missing.Count > 1 ? "s" : string.Empty)} {string.Join(", ", missing)}; nothing of it was loaded");
        }

        LoadLayout(CsvLayout.Scan(path, header.Count));
        var columnsSpec = string.Join(", ", Enumerable.Range(0, header.Count).Select(i => $"'c{i}': 'VARCHAR'"));
        Db.Execute("DROP TABLE IF EXISTS temp.ingest_reject_errors; DROP TABLE IF EXISTS temp.ingest_reject_scans;");
        var columnsStruct = "{" + columnsSpec + "}";
        Db.Execute($"""
            CREATE OR REPLACE TEMP TABLE ingest_raw AS
            SELECT * FROM read_csv($1, header = false, skip = 1, auto_detect = false, delim = ',', quote = '"', escape = '"',
                columns = {columnsStruct}, strict_mode = false, store_rejects = true,
                rejects_table = 'ingest_reject_errors', rejects_scan = 'ingest_reject_scans',
                max_line_size = 67108864, buffer_size = 67108864, null_padding = false)
            """, GlobLiteral(path));

        string Expr(string canonical)
        {
            var source = profile.SourceColumn(canonical);
            return positions.TryGetValue(source, out var index) ? $"c{index}" : "NULL";
        }

        return Stage(table, profile, header, positions.ContainsKey, Expr, firstLine: 2, malformedExpr: "false", source: $"SELECT {Ordinal("ingest_raw")} AS ord, * FROM ingest_raw", ordinals: $"SELECT {Ordinal("ingest_raw")} AS ord FROM ingest_raw");
    }

    /// <summary>
    /// JSON Lines: DuckDB reads each line as one text value (no quoting, a delimiter that valid
    /// JSON never holds raw), then SQL checks that each is a JSON object and extracts its keys.
    /// </summary>
    private StagedSource StageJsonLines(WorkTables table, string path, MappingProfile profile)
    {
        LoadLayout(new CsvLayout([], []));
        Db.Execute("DROP TABLE IF EXISTS temp.ingest_reject_errors; DROP TABLE IF EXISTS temp.ingest_reject_scans;");
        Db.Execute("""
            CREATE OR REPLACE TEMP TABLE ingest_lines AS
            SELECT * FROM read_csv($1, header = false, auto_detect = false, delim = E'\x01', quote = '', escape = '',
                columns = {'j': 'VARCHAR'}, strict_mode = false, store_rejects = true,
                rejects_table = 'ingest_reject_errors', rejects_scan = 'ingest_reject_scans',
                max_line_size = 67108864, buffer_size = 67108864, null_padding = false)
            """, GlobLiteral(path));
        // json_type fails on text that is not JSON, and AND does not stop it being evaluated: the
        // CASE does. The object's text stays VARCHAR so that no cast can fail either.
        Db.Execute($"""
            CREATE OR REPLACE TEMP TABLE ingest_raw AS
            WITH l AS (
                SELECT {Ordinal("ingest_lines")} AS ord, j,
                       coalesce(CASE WHEN json_valid(j) THEN json_type(j) = 'OBJECT' END, false) AS is_object
                FROM ingest_lines
            )
            SELECT ord, j IS NULL AS blank, CASE WHEN is_object THEN j END AS j, NOT is_object AS malformed
            FROM l
            """);
        var keys = new List<string>();
        using (var reader = Db.Query("SELECT DISTINCT unnest(json_keys(j)) AS k FROM ingest_raw WHERE j IS NOT NULL ORDER BY k"))
        {
            while (reader.Read())
            {
                keys.Add(reader.GetString(0));
            }
        }

        var present = new HashSet<string>(keys, StringComparer.Ordinal);

        // Each line is parsed once for all the keys wanted (one JSON Pointer per key, passed as
        // parameters, never written into the SQL text); a key's value is then an element of v.
        var parameters = new List<object?>();
        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var source in StagedColumns.Select(profile.SourceColumn).Where(present.Contains).Distinct())
        {
            parameters.Add("/" + source.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
            slots[source] = parameters.Count;
        }

        string Expr(string canonical) =>
            slots.TryGetValue(profile.SourceColumn(canonical), out var slot) ? $"v[{slot.ToString(CultureInfo.InvariantCulture)}]" : "NULL";

        var paths = string.Join(", ", Enumerable.Range(1, parameters.Count).Select(i => "$" + i.ToString(CultureInfo.InvariantCulture)));
        var extract = parameters.Count > 0 ? $"json_extract_string(j, [{paths}])" : "NULL::VARCHAR[]";
        return Stage(table, profile, keys, present.Contains, Expr, firstLine: 1, malformedExpr: "malformed",
            source: $"SELECT *, {extract} AS v FROM ingest_raw WHERE NOT blank", ordinals: "SELECT ord FROM ingest_raw WHERE NOT blank", parameters);
    }

    /// <summary>
    /// DuckDB's readers take a path as a glob: a file named <c>a?.csv</c> would also read <c>a1.csv</c>.
    /// Each glob character is written as a one-character class so the path names only itself.
    /// </summary>
    internal static string GlobLiteral(string path)
    {
        var text = new System.Text.StringBuilder(path.Length);
        foreach (var c in path)
        {
            text.Append(c is '[' or '*' or '?' ? "[" + c + "]" : c.ToString());
        }

        return text.ToString();
    }

    /// <summary>
    /// A row's 0-based position in a table one statement created. Such a table's rowids need not
    /// start at 0 (DuckDB numbers transaction-local rows from a large base), but they are consecutive
    /// in the order the reader produced the rows.
    /// </summary>
    private static string Ordinal(string table) => $"(rowid - (SELECT min(rowid) FROM {table}))";
}
