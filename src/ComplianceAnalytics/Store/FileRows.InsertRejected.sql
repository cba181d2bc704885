INSERT INTO rejected_rows (file_id, line, reason, field, org, case_ref, event_type, occurred_at, event_id, due_at)
SELECT $1, line, reason, field, org, case_ref, event_type, occurred_at, event_id, due_at
FROM {rejected} ORDER BY line
