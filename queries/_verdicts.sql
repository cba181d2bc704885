-- Prepared before the pack queries (after _judge): stage_verdicts, per organisation and stage, the
-- month's attainment against the stage's target in force on the month's first day (stage_target()) with the month before, the open instances past
-- their limit, and the verdict of judge(). The compliance Summary and every cover read it,
-- so a cover's sentence and the Summary's row agree. Counted as in attainment.sql (contract §5):
-- instances stopped in the month; attainment = (met + met_extended) / stopped, empty when nothing
-- stopped. open_breached counts only what the data shows past its limit: when a firm's data stops
-- before the month's end (coverage), an instance due after its last event is not counted.
-- Parameters: $1 the month, 'YYYY-MM'.
CREATE OR REPLACE TEMP TABLE stage_verdicts AS
WITH months AS (
    SELECT org, month, start_at, end_at,
           CASE WHEN month = $1 THEN 'this' ELSE 'previous' END AS which
    FROM report_months
    WHERE month = $1 OR month = strftime(CAST($1 || '-01' AS DATE) - INTERVAL 1 MONTH, '%Y-%m')
),
closed AS (
    SELECT i.org, i.stage, m.which,
           count(*) FILTER (WHERE i.status IN ('met', 'met_extended')) AS met,
           count(*) FILTER (WHERE i.status = 'breached') AS breached
    FROM eval_stage_instances i
    JOIN months m ON m.org = i.org AND i.stopped_at >= m.start_at AND i.stopped_at < m.end_at
    GROUP BY i.org, i.stage, m.which
),
open AS (
    SELECT i.org, i.stage, count(*) FILTER (WHERE i.status = 'open_breached' AND (v.status = 'full' OR i.due_at < v.covered_to)) AS open_breached
    FROM eval_stage_instances i
    JOIN coverage v ON v.org = i.org
    WHERE i.stopped_at IS NULL
    GROUP BY i.org, i.stage
),
rows AS (
    SELECT o.org_name, s.org, s.stage AS stage_id, s.stage_name AS stage, s.position, s.limit_words AS stage_limit,
           stage_target(s.org, s.stage, $1) AS target,
           coalesce(t.met, 0) + coalesce(t.breached, 0) AS closed,
           coalesce(t.met, 0) AS met,
           coalesce(t.breached, 0) AS breached,
           CASE WHEN t.met + t.breached > 0 THEN t.met / (t.met + t.breached) END AS attainment,
           coalesce(p.met, 0) + coalesce(p.breached, 0) AS previous_closed,
           CASE WHEN p.met + p.breached > 0 THEN p.met / (p.met + p.breached) END AS previous_attainment,
           coalesce(b.open_breached, 0) AS open_breached
    FROM policy_stages s
    JOIN policy_orgs o ON o.org = s.org
    LEFT JOIN closed t ON t.org = s.org AND t.stage = s.stage AND t.which = 'this'
    LEFT JOIN closed p ON p.org = s.org AND p.stage = s.stage AND p.which = 'previous'
    LEFT JOIN open b ON b.org = s.org AND b.stage = s.stage
)
SELECT *, attainment - previous_attainment AS change, judge(attainment, closed, target) AS rag
FROM rows;
