-- Compliance pack, SLA by stage: attainment.sql (contract §5) as a reader of one firm's month should
-- see it when the firm's data stops before the month's end (coverage): an open instance due at or
-- after the last event is not counted past its limit, because only the silence after the last
-- file says it is; it is counted apart as open_no_data. With full coverage the figures are
-- attainment.csv's. attainment.csv itself is not changed by coverage.
-- Parameters: $1 the month, 'YYYY-MM'.
WITH month AS (
    SELECT org, month, start_at, end_at FROM report_months WHERE month = $1
),
counted AS (
    SELECT i.org, i.stage,
           count(*) FILTER (WHERE i.status = 'met' AND i.stopped_at >= m.start_at) AS met,
           count(*) FILTER (WHERE i.status = 'met_extended' AND i.stopped_at >= m.start_at) AS met_extended,
           count(*) FILTER (WHERE i.status = 'breached' AND i.stopped_at >= m.start_at) AS breached,
           count(*) FILTER (WHERE i.stopped_at IS NULL AND (i.status = 'open_within' OR i.due_at >= v.covered_to AND v.status <> 'full')) AS open_within,
           count(*) FILTER (WHERE i.status = 'open_breached' AND (v.status = 'full' OR i.due_at < v.covered_to)) AS open_breached,
           count(*) FILTER (WHERE i.status = 'open_breached' AND v.status <> 'full' AND i.due_at >= v.covered_to) AS open_no_data
    FROM eval_stage_instances i
    JOIN month m ON m.org = i.org
    JOIN coverage v ON v.org = i.org
    WHERE i.stopped_at IS NULL OR (i.stopped_at >= m.start_at AND i.stopped_at < m.end_at)
    GROUP BY i.org, i.stage
)
SELECT o.org_name, c.org, ps.stage_name AS stage, m.month, c.met, c.met_extended, c.breached, c.open_within, c.open_breached, c.open_no_data,
       c.met + c.met_extended + c.breached AS closed,
       CASE WHEN c.met + c.met_extended + c.breached > 0
            THEN (c.met + c.met_extended) / (c.met + c.met_extended + c.breached) END AS attainment
FROM counted c
JOIN month m ON m.org = c.org
JOIN policy_orgs o ON o.org = c.org
JOIN policy_stages ps ON ps.org = c.org AND ps.stage = c.stage
WHERE c.met + c.met_extended + c.breached + c.open_within + c.open_breached > 0
ORDER BY c.org, ps.position;
