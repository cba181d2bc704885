INSERT INTO duplicate_rows (file_id, line, org, case_ref, identity)
SELECT $1, line, org, case_ref, identity
FROM (SELECT line, org, case_ref, identity FROM {duplicates}
      UNION ALL
      SELECT r.line, r.org, r.case_ref, r.identity FROM {rows} r SEMI JOIN ingest_known k ON k.line = r.line)
ORDER BY line
