-- Audit pack, Run log: each job run recorded in the store (which job, on which host, when, with
-- what outcome) and each output it produced with the output's SHA-256, newest first. A run still
-- going when the pack was made has no end yet. org: an output written into a firm's folder
-- (DIR/<org>/…, or the cross-firm DIR/group/…) is that firm's (or the group's), so a firm's pack
-- names no workbook of another; the run itself and the contract's CSV files are every firm's.
-- Parameters: none.
WITH outputs AS (
    SELECT r.run_id, unnest(CAST(json(coalesce(r.outputs, '[]')) AS STRUCT(path VARCHAR, sha256 VARCHAR)[])) AS output
    FROM run_log r
)
SELECT CASE WHEN parse_filename(parse_dirname(o.output.path)) IN (SELECT org FROM policy_orgs)
                 THEN parse_filename(parse_dirname(o.output.path))
            WHEN parse_filename(parse_dirname(o.output.path)) = 'group' THEN '(group)' END AS org,
       r.run_id, r.job, r.host,
       r.started_at AT TIME ZONE 'UTC' AS started_utc,
       r.ended_at AT TIME ZONE 'UTC' AS ended_utc,
       r.outcome, r.detail,
       parse_filename(o.output.path) AS output_file, o.output.sha256 AS output_sha256
FROM run_log r
LEFT JOIN outputs o ON o.run_id = r.run_id
ORDER BY r.started_at DESC, r.run_id, output_file;
