-- Audit pack, Personal data (summary): each personal-data field and unknown column that arrived,
-- what was done with it, in how many input files and over how many rows (the files' rows read),
-- e.g. "customer_email: pseudonymised, 1,234 rows in 12 files". The detail per file is the sheet
-- after it (audit_personal_data.sql); the treatments are worded as there.
-- Parameters: none.
WITH arrived AS (
    SELECT f.file_id, f.rows_read, unnest(f.personal_fields) AS field, 'personal' AS kind
    FROM ingest_files f
    UNION ALL
    SELECT f.file_id, f.rows_read, unnest(f.unknown_columns), 'unknown column'
    FROM ingest_files f
)
SELECT fo.org, a.field, a.kind,
       CASE
           WHEN a.kind = 'unknown column' THEN 'not read into the store'
           WHEN a.field IN ('customer_email', 'customer_phone') THEN 'pseudonymised: keyed HMAC-SHA256 into customer_key; the value is not stored'
           ELSE 'dropped while reading: never stored'
       END AS treatment,
       count(DISTINCT a.file_id) AS files,
       sum(coalesce(a.rows_read, 0))::BIGINT AS rows
FROM arrived a
JOIN file_orgs fo ON fo.file_id = a.file_id
GROUP BY fo.org, a.field, a.kind
ORDER BY fo.org, a.kind DESC, a.field;
