SELECT status, count(*) FROM ingest_files GROUP BY status
