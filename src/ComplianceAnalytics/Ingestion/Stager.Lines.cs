using System.Globalization;
using ComplianceAnalytics.Domain;
using ComplianceAnalytics.Exports;
using ComplianceAnalytics.Store;

namespace ComplianceAnalytics.Ingestion;

/// <summary>Line numbers of the records read, and the canonical columns as trimmed text: the staged table.</summary>
internal sealed partial class Stager
{
    // What trimming removes from every value: ASCII white space and the no-break space (an empty
    // or blank value is a missing one).
    private const string Whitespace = "(' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(160))";

    // A value that starts or ends with one of those characters: trim with a character set costs
    // several times this test, and few values need it.
    private const string EdgeWhitespace = @"'^[ \t\n\x0B\f\r\x{00A0}]|[ \t\n\x0B\f\r\x{00A0}]$'";

    // Records per bucket of the line numbering (see Stage): few buckets, and few rejected lines in each.
    private const int LineBucket = 4096;

    private static readonly string[] StagedColumns =
    [
        CanonicalColumns.Org, CanonicalColumns.CaseRef, CanonicalColumns.EventType, CanonicalColumns.OccurredAt,
        CanonicalColumns.EventId, .. CanonicalColumns.Descriptive, .. CanonicalColumns.Attributes, CanonicalColumns.DueAt,
        CanonicalColumns.CustomerEmail, CanonicalColumns.CustomerPhone,
    ];

    /// <summary>
    /// Builds the staged table: one row per record read, with the record's line, whether it is
    /// malformed, and the canonical columns as trimmed text (empty text is missing).
    /// </summary>
    private StagedSource Stage(
        WorkTables table,
        MappingProfile profile,
        IReadOnlyList<string> sourceColumns,
        Func<string, bool> hasSource,
        Func<string, string> expr,
        int firstLine,
        string malformedExpr,
        string source,
        string ordinals,
        List<object?>? parameters = null)
    {
        parameters ??= [];
        var selects = new List<string>();
        foreach (var column in StagedColumns)
        {
            if (column == CanonicalColumns.Org && profile.Org is not null)
            {
                parameters.Add(profile.Org);
                selects.Add($"${parameters.Count.ToString(CultureInfo.InvariantCulture)}::VARCHAR AS {column}");
            }
            else
            {
                var value = expr(column);
                selects.Add($"CASE WHEN regexp_matches({value}, {EdgeWhitespace}) THEN NULLIF(trim({value}, {Whitespace}), '') ELSE NULLIF({value}, '') END AS {column}");
            }
        }

        // The n-th good record's line is n + (firstLine - 1) plus the records before it that gave no row
        // (malformed, or empty CSV lines, which DuckDB skips); good_before is how many good records precede each
        // such line, rejected_before how many such lines there are up to it.
        Db.Execute($"""
            CREATE OR REPLACE TEMP TABLE ingest_rejected_lines AS
            SELECT line - {firstLine} - (n - 1) AS good_before, max(n) AS rejected_before
            FROM (SELECT line, row_number() OVER (ORDER BY line) AS n
                  FROM (SELECT line FROM temp.ingest_reject_errors UNION SELECT line FROM ingest_layout WHERE kind = 'empty'))
            GROUP BY ALL
            """);
        // A record's count is the last rejected_before at or before its ordinal. The ordinals are cut into
        // buckets of 4,096: a small table gives each bucket the count before it and the few such lines inside it
        // (good_before and the count each adds), so each record takes its bucket by an equality join with that
        // table and adds the lines inside it at or before its ordinal. An ordered pass over every ordinal and a
        // join back on it cost about twice as much; an ASOF join would do the same, but DuckDB plans it as a loop
        // join and a grouping over every row. Most files have no such line: a record's line is then its ordinal
        // plus the first line, with no join. The source is not materialised (a materialised CTE copies every
        // column once more).
        var plain = Db.Scalar<long>("SELECT count(*) FROM ingest_rejected_lines") == 0;
        var lines = plain ? string.Empty : $"""
            , marks AS (
                SELECT good_before, rejected_before - coalesce(lag(rejected_before) OVER (ORDER BY good_before), 0) AS added
                FROM ingest_rejected_lines
            ),
            buckets AS (
                SELECT range AS bucket,
                       coalesce((SELECT max(rejected_before) FROM ingest_rejected_lines WHERE good_before < range * {LineBucket}), 0) AS base,
                       coalesce((SELECT list(struct_pack(good_before := good_before, added := added)) FROM marks WHERE good_before // {LineBucket} = range), []) AS marks
                FROM range(0, (SELECT coalesce(max(ord), 0) FROM ({ordinals})) // {LineBucket} + 1)
            )
            """;
        Db.Execute($"""
            CREATE OR REPLACE TABLE {table.Staged} AS
            WITH r AS NOT MATERIALIZED ({source}){lines}
            SELECT {(plain ? $"r.ord + {firstLine}" : $"r.ord + {firstLine} + b.base + coalesce(list_sum(list_transform(b.marks, lambda m: CASE WHEN m.good_before <= r.ord THEN m.added ELSE 0 END)), 0)")} AS line, {malformedExpr} AS malformed, {string.Join(", ", selects)}
            FROM r {(plain ? string.Empty : $"JOIN buckets b ON b.bucket = r.ord // {LineBucket}")}
            UNION ALL
            SELECT DISTINCT line, true, {string.Join(", ", StagedColumns.Select(c => "NULL"))}
            FROM temp.ingest_reject_errors
            """, [.. parameters]);

        // A record with more fields than the header is malformed: its values may have shifted, so none is kept.
        Db.Execute($"""
            UPDATE {table.Staged} SET malformed = true, {string.Join(", ", StagedColumns.Select(c => c + " = NULL"))}
            WHERE line IN (SELECT line FROM ingest_layout WHERE kind = 'overfull')
            """);

        // A constant org leaves the file's own org column unused, so it is named as unknown.
        var used = new HashSet<string>(
            CanonicalColumns.All.Where(c => c != CanonicalColumns.Org || profile.Org is null).Select(profile.SourceColumn),
            StringComparer.Ordinal);
        var unknown = sourceColumns.Where(c => !used.Contains(c)).Distinct().ToList();
        var personal = CanonicalColumns.Personal.Where(c => hasSource(profile.SourceColumn(c))).ToList();
        return new StagedSource(unknown, personal, null);
    }
}
