INSERT INTO duplicate_rows (file_id, line, org, case_ref, identity)
SELECT $1, line, org, case_ref, identity
FROM (SELECT line, org, case_ref, identity FROM {duplicates}
      UNION ALL
      SELECT c.line, s.org, s.case_ref, c.identity
      FROM {classified} c SEMI JOIN ingest_known k ON k.line = c.line JOIN {staged} s ON s.line = c.line)
ORDER BY line
