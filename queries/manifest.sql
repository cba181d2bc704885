-- Manifest (every pack): what the figures were made from. The run's month, its own recorded time
-- (the only "now" in a pack), the software version, each organisation's as-of instant, and the
-- SHA-256 of every query and pack definition used. The input files are on the Inputs sheet. org
-- is empty on the rows about the run, the firm's on the rows about one firm (OrgSplit).
-- Parameters: $1 the month, 'YYYY-MM'.
SELECT * FROM (
    SELECT 1 AS position, NULL AS org, 'run' AS section, 'report month' AS item, r.month AS value, NULL AS sha256 FROM report_run r
    UNION ALL
    SELECT 2, NULL, 'run', 'generated at (UTC)', strftime(r.generated_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ'), NULL FROM report_run r
    UNION ALL
    SELECT 3, NULL, 'run', 'software version', r.software_version, NULL FROM report_run r
    UNION ALL
    SELECT 4, NULL, 'run', 'pseudonym key', r.key_source, NULL FROM report_run r
    UNION ALL
    SELECT 5, fo.org, 'run', 'input files (loaded / all)',
           CAST(count(*) FILTER (WHERE f.status = 'loaded') AS VARCHAR) || ' / ' || CAST(count(*) AS VARCHAR), NULL
    FROM ingest_files f JOIN file_orgs fo ON fo.file_id = f.file_id GROUP BY fo.org
    UNION ALL
    SELECT 10, m.org, 'as-of (UTC)', m.org, strftime(m.end_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ'), NULL
    FROM report_months m WHERE m.month = $1
    UNION ALL
    SELECT 20, NULL, f.kind, f.name, NULL, f.sha256 FROM report_files f
)
ORDER BY position, section, item, org;
