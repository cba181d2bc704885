using ComplianceAnalytics.Domain;
using ComplianceAnalytics.Exports;
using ComplianceAnalytics.Store;

namespace ComplianceAnalytics.Ingestion;

/// <summary>Classification: each staged row's fate as far as the file alone decides it (contract §1).</summary>
internal sealed partial class Stager
{
    // Strict forms of contract §1: a date, a time of day (hours 00-23), optional fraction, optional offset.
    private const string TimestampPattern =
        @"^(\d{4}-\d{2}-\d{2})[T ]((?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?)(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?$";

    private const string DatePattern = @"^\d{4}-\d{2}-\d{2}$";

    // A redress_amount of contract §1: an optional '-', digits, optionally '.' and digits (a JSON number
    // arrives as its text, which has this form unless it has an exponent).
    private const string DecimalPattern = @"^-?\d+(\.\d+)?$";

    /// <summary>
    /// Gives every staged row what the file alone decides of its fate (file_fate): the first reject
    /// reason that applies (contract §1 order), ignored (an unmapped source event type under
    /// <c>ignore</c>), or duplicate of an earlier line of the file; NULL for a row that is loaded
    /// unless the store has it already, which the commit decides. The classified table also holds the
    /// instants of the row's timestamps and its identity, but no text column of the row: those are
    /// joined from the staged table by line, so that the joins here carry narrow rows.
    /// </summary>
    private void Classify(WorkTables table, MappingProfile profile)
    {
        Db.Execute("CREATE OR REPLACE TEMP TABLE ingest_event_types (source VARCHAR, target VARCHAR)");
        using (var appender = Db.CreateAppender("ingest_event_types"))
        {
            var map = profile.EventTypes ?? EventTypes.All.ToDictionary(t => t, t => t, StringComparer.Ordinal);
            foreach (var (source, target) in map)
            {
                appender.Append(source).Append(target).EndRow();
            }
        }

        Db.Execute("CREATE OR REPLACE TEMP TABLE ingest_org_zones (org VARCHAR, zone VARCHAR)");
        using (var appender = Db.CreateAppender("ingest_org_zones"))
        {
            foreach (var (org, zone) in _orgZones)
            {
                appender.Append(org).Append(zone.Id).EndRow();
            }
        }

        var ignoreUnmapped = profile.EventTypes is not null && profile.Unmapped == UnmappedEventTypes.Ignore;

        // One statement, so DuckDB materialises the file's rows once: parse the timestamps, resolve
        // local times through the zone's local-time ranges, give each row its fault, then find the
        // duplicates within the file (the first line of an identity wins).
        Db.Execute($"""
            CREATE OR REPLACE TABLE {table.Classified} AS
            WITH s AS (
                SELECT st.*, m.target AS mapped_type, oz.org IS NOT NULL AS org_known,
                       coalesce($1, oz.zone) AS zone,
                       regexp_extract(st.occurred_at, '{TimestampPattern}', ['d', 't', 'z']) AS om,
                       regexp_extract(st.due_at, '{TimestampPattern}', ['d', 't', 'z']) AS dm,
                       regexp_full_match(coalesce(st.due_at, ''), '{DatePattern}') AS due_is_date
                FROM {table.Staged} st
                LEFT JOIN ingest_event_types m ON m.source = st.event_type
                LEFT JOIN ingest_org_zones oz ON oz.org = st.org
            ),
            parsed AS (
                SELECT s.* EXCLUDE (om, dm),
                       CASE WHEN om.d <> '' THEN try_cast(om.d || ' ' || om.t AS TIMESTAMP) END AS occ_local,
                       CASE WHEN om.z = 'Z' THEN 0
                            WHEN om.z <> '' THEN (CASE WHEN om.z[1] = '-' THEN -1 ELSE 1 END)
                                 * (CAST(om.z[2:3] AS BIGINT) * 3600 + CAST(om.z[5:6] AS BIGINT) * 60) END AS occ_offset,
                       CASE WHEN due_is_date THEN try_cast(try_cast(s.due_at AS DATE) + 1 AS TIMESTAMP)
                            WHEN dm.d <> '' THEN try_cast(dm.d || ' ' || dm.t AS TIMESTAMP) END AS due_local,
                       CASE WHEN dm.z = 'Z' THEN 0
                            WHEN dm.z <> '' THEN (CASE WHEN dm.z[1] = '-' THEN -1 ELSE 1 END)
                                 * (CAST(dm.z[2:3] AS BIGINT) * 3600 + CAST(dm.z[5:6] AS BIGINT) * 60) END AS due_offset
                FROM s
            ),
            resolved AS (
                SELECT p.*,
                       CASE WHEN occ_offset IS NOT NULL THEN occ_local - to_seconds(occ_offset)
                            WHEN occ_local < zo.prev_local_end THEN occ_local - to_seconds(zo.prev_offset_s)
                            ELSE occ_local - to_seconds(zo.offset_s) END AS occ_utc,
                       CASE WHEN due_offset IS NOT NULL THEN due_local - to_seconds(due_offset)
                            WHEN due_local < zd.prev_local_end THEN due_local - to_seconds(zd.prev_offset_s)
                            ELSE due_local - to_seconds(zd.offset_s) END
                       - CASE WHEN due_is_date THEN INTERVAL 1 MICROSECOND ELSE INTERVAL 0 MICROSECOND END AS due_utc
                FROM parsed p
                LEFT JOIN {ZoneIntervalTable.TableName} zo
                  ON zo.zone = p.zone AND zo.bucket = date_trunc('month', CASE WHEN occ_offset IS NULL THEN p.occ_local END)
                 AND p.occ_local >= zo.local_start AND p.occ_local < zo.next_local_start
                LEFT JOIN {ZoneIntervalTable.TableName} zd
                  ON zd.zone = p.zone AND zd.bucket = date_trunc('month', CASE WHEN due_offset IS NULL THEN p.due_local END)
                 AND p.due_local >= zd.local_start AND p.due_local < zd.next_local_start
            ),
            checked AS (
                SELECT line, mapped_type,
                       CASE
                         WHEN malformed THEN '{RejectReasons.MalformedRow}'
                         WHEN $2 AND event_type IS NOT NULL AND mapped_type IS NULL THEN '{FileFates.Ignored}'
                         WHEN org IS NULL OR case_ref IS NULL OR event_type IS NULL OR occurred_at IS NULL THEN '{RejectReasons.MissingField}'
                         WHEN mapped_type IS NULL THEN '{RejectReasons.UnknownEventType}'
                         WHEN occ_local IS NULL THEN '{RejectReasons.BadTimestamp}'
                         WHEN NOT org_known THEN '{RejectReasons.UnknownOrg}'
                         WHEN occ_utc IS NULL THEN '{RejectReasons.BadTimestamp}'
                         WHEN mapped_type = '{EventTypes.DeadlineExtended}' AND due_utc IS NULL THEN '{RejectReasons.BadDueAt}'
                         WHEN vulnerable IS NOT NULL AND lower(vulnerable) NOT IN ('true', 'false') THEN '{RejectReasons.BadValue}'
                         WHEN redress_amount IS NOT NULL AND NOT (regexp_full_match(redress_amount, '{DecimalPattern}')
                              AND try_cast(redress_amount AS DECIMAL(18, 2)) IS NOT NULL) THEN '{RejectReasons.BadValue}'
                       END AS fault,
                       CASE
                         WHEN malformed THEN NULL
                         WHEN org IS NULL THEN 'org' WHEN case_ref IS NULL THEN 'case_ref'
                         WHEN event_type IS NULL THEN 'event_type' WHEN occurred_at IS NULL THEN 'occurred_at'
                         WHEN mapped_type IS NULL THEN 'event_type'
                         WHEN occ_local IS NULL THEN 'occurred_at'
                         WHEN NOT org_known THEN 'org'
                         WHEN occ_utc IS NULL THEN 'occurred_at'
                         WHEN mapped_type = '{EventTypes.DeadlineExtended}' AND due_utc IS NULL THEN 'due_at'
                         WHEN vulnerable IS NOT NULL AND lower(vulnerable) NOT IN ('true', 'false') THEN 'vulnerable'
                         WHEN redress_amount IS NOT NULL AND NOT (regexp_full_match(redress_amount, '{DecimalPattern}')
                              AND try_cast(redress_amount AS DECIMAL(18, 2)) IS NOT NULL) THEN 'redress_amount'
                       END AS fault_field,
                       -- make_timestamptz(micros) reinterprets a UTC timestamp; a cast would go through ICU's calendar.
                       make_timestamptz(epoch_us(occ_utc)) AS occurred_instant,
                       CASE WHEN mapped_type = '{EventTypes.DeadlineExtended}' THEN make_timestamptz(epoch_us(due_utc)) END AS due_instant,
                       md5_number(CASE WHEN event_id IS NOT NULL THEN to_json(['id', org, event_id])
                                  ELSE to_json(['key', org, case_ref, mapped_type, CAST(epoch_us(occ_utc) AS VARCHAR)]) END) AS identity
                FROM resolved r
            ),
            firsts AS (
                -- Narrow on purpose: the first line of each identity, not a window over every column.
                SELECT identity, min(line) AS first_line FROM checked WHERE fault IS NULL GROUP BY identity
            )
            SELECT c.* EXCLUDE (fault),
                   CASE WHEN fault IS NOT NULL THEN fault
                        WHEN c.line > f.first_line THEN '{FileFates.Duplicate}' END AS file_fate
            FROM checked c
            LEFT JOIN firsts f ON f.identity = c.identity
            """, profile.TimeZone?.Id, ignoreUnmapped);
    }
}
