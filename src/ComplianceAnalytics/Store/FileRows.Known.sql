CREATE OR REPLACE TEMP TABLE ingest_known AS
SELECT r.line FROM {rows} r SEMI JOIN events e ON e.identity = r.identity
