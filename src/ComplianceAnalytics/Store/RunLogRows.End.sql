UPDATE run_log SET ended_at = $2, outcome = $3, detail = $4, outputs = $5 WHERE run_id = $1
