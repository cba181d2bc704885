-- The target folder is a SQL literal put in from code (COPY takes no parameter for its target).
COPY (SELECT * EXCLUDE (identity), strftime(occurred_at, '%Y-%m') AS month FROM events ORDER BY org, case_ref, occurred_at, file_id, line)
TO {target} (FORMAT parquet, PARTITION_BY (org, month), OVERWRITE_OR_IGNORE)
