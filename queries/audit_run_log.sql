-- Audit pack, Run log: each job run recorded in the store (which job, on which host, when, with
-- what outcome) and each output it produced with the output's SHA-256, newest first. A run still
-- going when the pack was made has no end yet and shows as 'in progress': the packs run that makes
-- this pack records what it wrote before its audit packs (MonthlyReport writes them last), and its
-- end, outcome and the audit packs' own hashes appear in any later audit pack and in `status`.
-- org: an output written into a firm's folder (DIR/<org>/…, or the cross-firm DIR/group/…) is that firm's (or the group's), so a firm's pack
-- names no workbook of another; the run itself and the contract's CSV files are every firm's.
-- Parameters: none.
WITH outputs AS (
    SELECT r.run_id, unnest(CAST(json(coalesce(r.outputs, '[]')) AS STRUCT(path VARCHAR, sha256 VARCHAR)[])) AS output
    FROM run_log r
),
-- The folder an output sits in: a firm's (or the group's) folder, else the month's (CSV files),
-- which then names the file with it ("2026-10/attainment.csv").
folders AS (
    SELECT run_id, output, regexp_extract(replace(output.path, '\', '/'), '([^/]+)/[^/]+$', 1) AS folder
    FROM outputs
)
SELECT CASE WHEN o.folder IN (SELECT org FROM policy_orgs) THEN o.folder
            WHEN o.folder = 'group' THEN '(group)' END AS org,
       r.run_id, r.job, r.host,
       r.started_at AT TIME ZONE 'UTC' AS started_utc,
       r.ended_at AT TIME ZONE 'UTC' AS ended_utc,
       coalesce(r.outcome, 'in progress') AS outcome, r.detail,
       CASE WHEN o.folder IN (SELECT org FROM policy_orgs) OR o.folder = 'group' OR o.folder = ''
            THEN parse_filename(o.output.path)
            ELSE o.folder || '/' || parse_filename(o.output.path) END AS output_file,
       o.output.sha256 AS output_sha256
FROM run_log r
LEFT JOIN folders o ON o.run_id = r.run_id
ORDER BY r.started_at DESC, r.run_id, output_file;
