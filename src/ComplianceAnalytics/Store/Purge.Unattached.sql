FROM {table}
WHERE file_id IN (SELECT file_id FROM ingest_files WHERE ingested_at < $1)
  AND NOT EXISTS (SELECT 1 FROM events e WHERE e.org = {table}.org AND e.case_ref = {table}.case_ref)
