SELECT count(*) FROM ingest_files WHERE sha256 = $1 AND status = 'loaded'
