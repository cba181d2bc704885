-- Audit pack, Rejections: for each input file, its rejected rows by reason code (contract §1).
-- Parameters: none.
SELECT f.file_id, f.file_name, r.reason, count(*) AS rows, min(r.line) AS first_line
FROM rejected_rows r
JOIN ingest_files f ON f.file_id = r.file_id
GROUP BY f.file_id, f.file_name, r.reason
ORDER BY f.file_id, r.reason;
