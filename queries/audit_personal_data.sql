-- Audit pack, Personal data: for each input file, each personal-data field that arrived in it and
-- what was done with it. customer_email and customer_phone become the keyed pseudonym customer_key
-- (HMAC-SHA256 of the normalised value); customer_name and notes are dropped as the file is read.
-- Columns the system does not know are listed too: they are never stored, whatever they hold.
-- Parameters: none.
WITH arrived AS (
    SELECT f.file_id, f.file_name, f.status, unnest(f.personal_fields) AS field, 'personal' AS kind
    FROM ingest_files f
    UNION ALL
    SELECT f.file_id, f.file_name, f.status, unnest(f.unknown_columns), 'unknown column'
    FROM ingest_files f
)
SELECT fo.org, a.file_id, a.file_name, a.status, a.field, a.kind,
       CASE
           WHEN a.kind = 'unknown column' THEN 'not read into the store'
           WHEN a.field IN ('customer_email', 'customer_phone') THEN 'pseudonymised: keyed HMAC-SHA256 into customer_key; the value is not stored'
           ELSE 'dropped while reading: never stored'
       END AS treatment
FROM arrived a
JOIN file_orgs fo ON fo.file_id = a.file_id
ORDER BY fo.org, a.file_id, a.kind DESC, a.field;
