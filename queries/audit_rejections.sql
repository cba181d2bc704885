-- Audit pack, Rejections: for each input file, its rejected rows by reason code (contract §1).
-- org: the row's organisation when it is one of the policies', else the file's (file_orgs).
-- Parameters: none.
SELECT fo.org, f.file_id, f.file_name, r.reason, count(*) AS rows, min(r.line) AS first_line
FROM rejected_rows r
JOIN ingest_files f ON f.file_id = r.file_id
JOIN file_orgs fo ON fo.file_id = r.file_id
  AND (fo.org = r.org OR r.org IS NULL OR r.org NOT IN (SELECT org FROM policy_orgs))
GROUP BY fo.org, f.file_id, f.file_name, r.reason
ORDER BY f.file_id, r.reason;
