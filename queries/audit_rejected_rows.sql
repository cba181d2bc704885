-- Audit pack, Rejected rows: every rejected row with its file, line, reason, the field the reason is
-- about, and the row's non-personal fields as they arrived.
-- org is the organisation whose pack lists the row: the row's own when it is one of the policies',
-- else the file's (file_orgs); org_as_given is the org field as it arrived.
-- Parameters: none.
SELECT fo.org, f.file_name, r.line, r.reason, r.field, r.org AS org_as_given, r.case_ref, r.event_type, r.occurred_at, r.event_id, r.due_at
FROM rejected_rows r
JOIN ingest_files f ON f.file_id = r.file_id
JOIN file_orgs fo ON fo.file_id = r.file_id
  AND (fo.org = r.org OR r.org IS NULL OR r.org NOT IN (SELECT org FROM policy_orgs))
ORDER BY f.file_id, r.line;
