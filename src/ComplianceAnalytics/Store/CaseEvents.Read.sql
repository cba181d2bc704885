-- The order CaseEvaluation reads a case in, so that events of one instant apply in the same order.
SELECT e.event_type, epoch_us(e.occurred_at), epoch_us(e.due_at), f.file_name, e.line
FROM events e JOIN ingest_files f USING (file_id)
WHERE e.org = $1 AND e.case_ref = $2
ORDER BY e.occurred_at, e.file_id, e.line
