SELECT count(*) FROM ingest_known
