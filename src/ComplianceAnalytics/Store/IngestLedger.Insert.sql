INSERT INTO ingest_files (file_id, path, file_name, sha256, size_bytes, format, profile, status, rows_read, rows_loaded,
                          rows_duplicate, rows_rejected, rows_ignored, unknown_columns, personal_fields, message, ingested_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, string_split(NULLIF($14, ''), chr(31)),
        string_split(NULLIF($15, ''), chr(31)), $16, $17)
