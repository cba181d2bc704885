-- Compliance pack, Backlog: stage instances still open at the month's as-of (the first instant of
-- the next month in the organisation's zone), by organisation and stage, with their age in
-- calendar days since the stage started, in bands, and how many are past their limit.
-- Parameters: $1 the month, 'YYYY-MM'.
WITH open AS (
    -- Aged at the month's end, or "as at" the last event when the data stops before it (coverage);
    -- an instance due after that is within its limit as far as the data shows.
    SELECT i.org, i.stage,
           CASE WHEN i.status = 'open_breached' AND v.status <> 'full' AND i.due_at >= v.covered_to THEN 'open_within' ELSE i.status END AS status,
           date_diff('second', i.started_at, least(m.end_at, v.covered_to)) / 86400.0 AS age_days
    FROM eval_stage_instances i
    JOIN report_months m ON m.org = i.org AND m.month = $1
    JOIN coverage v ON v.org = i.org
    WHERE i.stopped_at IS NULL AND i.started_at < v.covered_to
)
SELECT o.org_name, s.org, s.stage_name AS stage, s.limit_words AS stage_limit,
       count(p.status) AS open,
       count(p.status) FILTER (WHERE p.status = 'open_within') AS open_within,
       count(p.status) FILTER (WHERE p.status = 'open_breached') AS open_breached,
       count(p.status) FILTER (WHERE p.age_days <= 7) AS age_0_7,
       count(p.status) FILTER (WHERE p.age_days > 7 AND p.age_days <= 14) AS age_8_14,
       count(p.status) FILTER (WHERE p.age_days > 14 AND p.age_days <= 28) AS age_15_28,
       count(p.status) FILTER (WHERE p.age_days > 28 AND p.age_days <= 56) AS age_29_56,
       count(p.status) FILTER (WHERE p.age_days > 56) AS age_over_56,
       max(p.age_days) AS oldest_days
FROM policy_stages s
JOIN policy_orgs o ON o.org = s.org
LEFT JOIN open p ON p.org = s.org AND p.stage = s.stage
GROUP BY o.org_name, s.org, s.stage_name, s.position, s.limit_words
ORDER BY s.org, s.position;
