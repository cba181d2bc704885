-- The instances are StageInstanceRows.Ordered.sql and the target folder a SQL literal, both put in from code (COPY takes no parameter for its target).
COPY (SELECT *, strftime(started_at, '%Y-%m') AS month FROM ({ordered}))
TO {target} (FORMAT parquet, PARTITION_BY (org, month), OVERWRITE_OR_IGNORE)
