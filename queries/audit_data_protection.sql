-- Audit pack, Data protection complaints: stage performance in the month for cases whose category
-- is data_protection, counted as in attainment.sql (stopped in the month; open at month end), each
-- stage by its policy name as the compliance pack shows it.
-- Parameters: $1 the month, 'YYYY-MM'.
SELECT o.org_name, f.org, s.stage_name AS stage,
       count(*) FILTER (WHERE f.status = 'met' AND f.stop_month = $1) AS met,
       count(*) FILTER (WHERE f.status = 'met_extended' AND f.stop_month = $1) AS met_extended,
       count(*) FILTER (WHERE f.status = 'breached' AND f.stop_month = $1) AS breached,
       count(*) FILTER (WHERE f.status = 'open_within') AS open_within,
       count(*) FILTER (WHERE f.status = 'open_breached') AS open_breached,
       CASE WHEN count(*) FILTER (WHERE f.stopped_at IS NOT NULL AND f.stop_month = $1) > 0
            THEN count(*) FILTER (WHERE f.status IN ('met', 'met_extended') AND f.stop_month = $1)
                 / count(*) FILTER (WHERE f.stopped_at IS NOT NULL AND f.stop_month = $1) END AS attainment
FROM instance_facts f
JOIN policy_orgs o ON o.org = f.org
JOIN policy_stages s ON s.org = f.org AND s.stage = f.stage
WHERE f.category = 'data_protection' AND (f.stop_month = $1 OR f.stopped_at IS NULL)
GROUP BY o.org_name, f.org, f.stage, s.stage_name, s.position
ORDER BY f.org, s.position;
