-- Audit pack, Cover: the firm, month, as-of and coverage (_coverage_cover.sql), then what an
-- auditor checks first: the firm's input files (file_orgs) and what became of their rows, the
-- rejects by reason, the files taken in during the month, personal-data handling (fields and their
-- treatment) and retention.
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
    SELECT org, string_agg(field || ' in ' || n || ' file(s)', ', ' ORDER BY field) AS fields
    FROM (SELECT org, field, count(*) AS n
          FROM (SELECT fo.org, unnest(f.personal_fields) AS field FROM ingest_files f JOIN file_orgs fo ON fo.file_id = f.file_id)
          GROUP BY org, field)
    GROUP BY org
)
SELECT org, position, item, text FROM cover_common
UNION ALL
SELECT o.org, 10, 'Input files',
       coalesce(fs.files || ' file(s) in the ledger: ' || fs.loaded || ' loaded, ' || fs.skipped || ' skipped as identical, '
                || fs.quarantined || ' quarantined; ' || fs.in_month || ' taken in during the month (Inputs).', 'No input file of this organisation.')
FROM policy_orgs o LEFT JOIN fs ON fs.org = o.org
UNION ALL
SELECT o.org, 11, 'Rows',
       coalesce(fs.rows_read || ' read: ' || fs.rows_loaded || ' loaded, ' || fs.rows_duplicate || ' duplicate, ' || fs.rows_rejected
                || ' rejected, ' || fs.rows_ignored || ' ignored; every row is accounted for.', 'No rows.')
FROM policy_orgs o LEFT JOIN fs ON fs.org = o.org
UNION ALL
SELECT o.org, 12, 'Rejects',
       coalesce((SELECT string_agg(reason || ' ' || n, ', ' ORDER BY n DESC, reason) FROM rj WHERE rj.org = o.org) || ' (Rejections, Rejected rows).', 'None.')
FROM policy_orgs o
UNION ALL
SELECT o.org, 13, 'Personal data',
       coalesce('Arrived: ' || pd.fields || '. customer_email and customer_phone become a keyed pseudonym (HMAC-SHA256) and are not stored; '
                || 'customer_name and notes are dropped as the file is read (Personal data).', 'No personal-data field arrived in this organisation''s files.')
FROM policy_orgs o LEFT JOIN pd ON pd.org = o.org
UNION ALL
SELECT NULL, 99, 'Made', strftime(generated_at AT TIME ZONE 'UTC', '%-d %B %Y %H:%M') || ' UTC by ' || software_version || '.' FROM report_run
ORDER BY org NULLS LAST, position;
