SELECT line, reason, field FROM rejected_rows WHERE file_id = $1 ORDER BY line LIMIT $2
