SELECT run_id, job, host, epoch_us(started_at), epoch_us(ended_at), outcome, detail, outputs
FROM run_log ORDER BY started_at DESC, run_id DESC LIMIT $1
