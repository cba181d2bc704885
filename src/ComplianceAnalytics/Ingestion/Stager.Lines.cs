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
        // A record's count is the last rejected_before at or before its ordinal, found by one ordered pass
        // over the ordinals and those lines; an ASOF join would do the same, but DuckDB plans it as a loop
        // join and a grouping over every row. Most files have no such line: a record's line is then its
        // ordinal plus the first line, with neither the pass nor the join. The ordered pass reads only the
        // ordinals, and the source is not materialised (a materialised CTE copies every column once more).
        var plain = Db.Scalar<long>("SELECT count(*) FROM ingest_rejected_lines") == 0;
        var lines = plain ? string.Empty : $"""
            , lines AS (
                SELECT ord, ord + {firstLine} + coalesce(max(rejected_before) OVER (ORDER BY pos, is_row ROWS UNBOUNDED PRECEDING), 0) AS line
                FROM (SELECT ord, ord AS pos, true AS is_row, NULL::BIGINT AS rejected_before FROM ({ordinals})
                      UNION ALL
                      SELECT NULL, good_before, false, rejected_before FROM ingest_rejected_lines)
                QUALIFY is_row
            )
            """;
        Db.Execute($"""
            CREATE OR REPLACE TABLE {table.Staged} AS
            WITH r AS NOT MATERIALIZED ({source}){lines}
            SELECT {(plain ? $"r.ord + {firstLine}" : "lines.line")} AS line, {malformedExpr} AS malformed, {string.Join(", ", selects)}
            FROM r {(plain ? string.Empty : "JOIN lines ON lines.ord = r.ord")}
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
