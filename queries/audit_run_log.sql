-- Audit pack, Run log: each job run recorded in the store (which job, on which host, when, with
-- what outcome) and each output it produced with the output's SHA-256, newest first. A run still
-- going when the pack was made has no end yet.
-- Parameters: none.
WITH outputs AS (
    SELECT r.run_id, unnest(CAST(json(coalesce(r.outputs, '[]')) AS STRUCT(path VARCHAR, sha256 VARCHAR)[])) AS output
    FROM run_log r
)
SELECT r.run_id, r.job, r.host,
       r.started_at AT TIME ZONE 'UTC' AS started_utc,
       r.ended_at AT TIME ZONE 'UTC' AS ended_utc,
       r.outcome, r.detail,
       parse_filename(o.output.path) AS output_file, o.output.sha256 AS output_sha256
FROM run_log r
LEFT JOIN outputs o ON o.run_id = r.run_id
ORDER BY r.started_at DESC, r.run_id, output_file;
