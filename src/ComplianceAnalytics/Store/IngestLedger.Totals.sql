SELECT coalesce(sum(rows_read), 0)::BIGINT, coalesce(sum(rows_loaded), 0)::BIGINT, coalesce(sum(rows_duplicate), 0)::BIGINT,
       coalesce(sum(rows_rejected), 0)::BIGINT, coalesce(sum(rows_ignored), 0)::BIGINT, (SELECT count(*) FROM events)
FROM ingest_files
