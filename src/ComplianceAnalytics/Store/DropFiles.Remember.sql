INSERT OR REPLACE INTO drop_files (path, size_bytes, modified_at, file_id, status) VALUES ($1, $2, $3, $4, $5)
