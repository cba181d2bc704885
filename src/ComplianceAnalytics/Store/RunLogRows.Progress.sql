UPDATE run_log SET detail = $2, outputs = $3 WHERE run_id = $1 AND ended_at IS NULL
