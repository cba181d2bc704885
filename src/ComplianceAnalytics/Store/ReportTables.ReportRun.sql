CREATE OR REPLACE TEMP TABLE report_run (month VARCHAR, generated_at TIMESTAMPTZ, software_version VARCHAR,
    retention_years INTEGER, retention_cutoff TIMESTAMPTZ, key_source VARCHAR);
CREATE OR REPLACE TEMP TABLE report_files (kind VARCHAR, name VARCHAR, sha256 VARCHAR);
