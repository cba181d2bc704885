CREATE OR REPLACE TEMP TABLE ingest_known AS
SELECT c.line FROM {classified} c SEMI JOIN events e ON e.identity = c.identity
WHERE c.file_fate IS NULL
