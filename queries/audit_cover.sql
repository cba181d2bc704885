-- Audit pack, Cover: the firm, month, as-of and coverage (_coverage_cover.sql), then what an
-- auditor checks first: the firm's input files (file_orgs) and what became of their rows, the
-- rejects by reason, the files taken in during the month, personal-data handling (fields and their
-- treatment) and retention; in the firm's language (docs/packs.md, "Languages").
-- Parameters: $1 the month, 'YYYY-MM'.
WITH files AS (
    SELECT fo.org, f.*,
           f.ingested_at >= m.start_at AND f.ingested_at < m.end_at AS in_month
    FROM ingest_files f
    JOIN file_orgs fo ON fo.file_id = f.file_id
    JOIN report_months m ON m.org = fo.org AND m.month = $1
),
fs AS (
    SELECT org, count(*) AS files, count(*) FILTER (WHERE status = 'loaded') AS loaded,
           count(*) FILTER (WHERE status = 'skipped_duplicate_file') AS skipped,
           count(*) FILTER (WHERE status = 'quarantined') AS quarantined,
           count(*) FILTER (WHERE in_month) AS in_month,
           sum(rows_read) AS rows_read, sum(rows_loaded) AS rows_loaded, sum(rows_duplicate) AS rows_duplicate,
           sum(rows_rejected) AS rows_rejected, sum(rows_ignored) AS rows_ignored
    FROM files GROUP BY org
),
rj AS (
    SELECT fo.org, r.reason, count(*) AS n
    FROM rejected_rows r JOIN file_orgs fo ON fo.file_id = r.file_id
      AND (fo.org = r.org OR r.org IS NULL OR r.org NOT IN (SELECT org FROM policy_orgs))
    GROUP BY ALL
),
pd AS (
    SELECT org, string_agg(format(tr(org, 'cover.personal.field'), field, n), ', ' ORDER BY field) AS fields
    FROM (SELECT org, field, count(*) AS n
          FROM (SELECT fo.org, unnest(f.personal_fields) AS field FROM ingest_files f JOIN file_orgs fo ON fo.file_id = f.file_id)
          GROUP BY org, field)
    GROUP BY org
)
SELECT org, position, item, text FROM cover_common
UNION ALL
SELECT o.org, 10, tr(o.org, 'value:Input files'),
       CASE WHEN fs.files IS NULL THEN tr(o.org, 'cover.files.none')
            ELSE format(tr(o.org, 'cover.files.some'), fs.files, fs.loaded, fs.skipped, fs.quarantined, fs.in_month) END
FROM policy_orgs o LEFT JOIN fs ON fs.org = o.org
UNION ALL
SELECT o.org, 11, tr(o.org, 'value:Rows'),
       CASE WHEN fs.rows_read IS NULL THEN tr(o.org, 'cover.rows.none')
            ELSE format(tr(o.org, 'cover.rows.some'), fs.rows_read, fs.rows_loaded, fs.rows_duplicate, fs.rows_rejected, fs.rows_ignored) END
FROM policy_orgs o LEFT JOIN fs ON fs.org = o.org
UNION ALL
SELECT o.org, 12, tr(o.org, 'value:Rejects'),
       CASE WHEN r.list IS NULL THEN tr(o.org, 'cover.rejects.none') ELSE format(tr(o.org, 'cover.rejects.some'), r.list) END
FROM policy_orgs o
LEFT JOIN (SELECT org, string_agg(reason || ' ' || n, ', ' ORDER BY n DESC, reason) AS list FROM rj GROUP BY org) r ON r.org = o.org
UNION ALL
SELECT o.org, 13, tr(o.org, 'value:Personal data'),
       CASE WHEN pd.fields IS NULL THEN tr(o.org, 'cover.personal.none') ELSE format(tr(o.org, 'cover.personal.some'), pd.fields) END
FROM policy_orgs o LEFT JOIN pd ON pd.org = o.org
UNION ALL
SELECT o.org, 99, tr(o.org, 'value:Made'), format(tr(o.org, 'cover.made'), long_local(o.org, generated_at AT TIME ZONE 'UTC'), software_version)
FROM report_run, policy_orgs o
ORDER BY org NULLS LAST, position;
