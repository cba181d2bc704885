-- Inputs (every pack): the ledger of input files, each with its SHA-256 and what became of its
-- rows (read = loaded + duplicate + rejected + ignored), in the order they were offered; org is
-- the organisation whose packs list the file (file_orgs): a firm sees its own files only.
-- Parameters: none.
SELECT fo.org, f.file_id, f.file_name, f.status, f.format, f.profile, f.sha256, f.size_bytes,
       f.rows_read, f.rows_loaded, f.rows_duplicate, f.rows_rejected, f.rows_ignored,
       f.ingested_at AT TIME ZONE 'UTC' AS ingested_at_utc, f.message
FROM ingest_files f
JOIN file_orgs fo ON fo.file_id = f.file_id
ORDER BY f.file_id, fo.org;
