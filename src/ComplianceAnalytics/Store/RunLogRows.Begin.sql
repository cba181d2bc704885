INSERT INTO run_log (run_id, job, host, started_at) VALUES ($1, $2, $3, $4)
