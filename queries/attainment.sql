-- Attainment per organisation, stage and reporting month (contract §5).
-- Closed instances count in the month of stopped_at (months are calendar months in the
-- organisation's time zone: report_months holds their UTC bounds); open instances are those
-- still open at the month's as-of instant, the first instant of the next month, at which the
-- evaluation ran. A row appears when the stage has at least one instance to count.
-- Parameters: $1 the month, 'YYYY-MM'.
WITH month AS (
    SELECT org, month, start_at, end_at FROM report_months WHERE month = $1
),
counted AS (
    SELECT i.org, i.stage,
           count(*) FILTER (WHERE i.status = 'met' AND i.stopped_at >= m.start_at) AS met,
           count(*) FILTER (WHERE i.status = 'met_extended' AND i.stopped_at >= m.start_at) AS met_extended,
           count(*) FILTER (WHERE i.status = 'breached' AND i.stopped_at >= m.start_at) AS breached,
           count(*) FILTER (WHERE i.status = 'open_within') AS open_within,
           count(*) FILTER (WHERE i.status = 'open_breached') AS open_breached
    FROM eval_stage_instances i
    JOIN month m ON m.org = i.org
    WHERE i.stopped_at IS NULL OR (i.stopped_at >= m.start_at AND i.stopped_at < m.end_at)
    GROUP BY i.org, i.stage
)
SELECT c.org, c.stage, m.month, c.met, c.met_extended, c.breached, c.open_within, c.open_breached,
       CASE WHEN c.met + c.met_extended + c.breached > 0
            THEN (c.met + c.met_extended) / (c.met + c.met_extended + c.breached) END AS attainment
FROM counted c
JOIN month m ON m.org = c.org
JOIN policy_stages ps ON ps.org = c.org AND ps.stage = c.stage
WHERE c.met + c.met_extended + c.breached + c.open_within + c.open_breached > 0
ORDER BY c.org, ps.position;
