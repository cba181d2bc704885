-- Marks the given files ($1, ids separated by commas; every loaded file when $2) as evaluated.
INSERT OR IGNORE INTO evaluated_files
SELECT file_id FROM ingest_files
WHERE status = 'loaded'
  AND ($2 OR file_id IN (SELECT TRY_CAST(unnest(string_split($1, ',')) AS BIGINT)))
