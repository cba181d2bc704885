-- Audit pack, Rejected rows: every rejected row with its file, line, reason, the field the reason is
-- about, and the row's non-personal fields as they arrived.
-- Parameters: none.
SELECT f.file_name, r.line, r.reason, r.field, r.org, r.case_ref, r.event_type, r.occurred_at, r.event_id, r.due_at
FROM rejected_rows r
JOIN ingest_files f ON f.file_id = r.file_id
ORDER BY f.file_id, r.line;
