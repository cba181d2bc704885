-- Loaded files whose cases were never evaluated (a run stopped between a file's commit and the evaluation).
SELECT file_id FROM ingest_files
WHERE status = 'loaded' AND rows_loaded > 0 AND file_id NOT IN (SELECT file_id FROM evaluated_files)
ORDER BY file_id
