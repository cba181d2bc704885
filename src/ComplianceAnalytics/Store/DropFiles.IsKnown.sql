SELECT count(*) FROM drop_files WHERE path = $1 AND size_bytes = $2 AND modified_at = $3
