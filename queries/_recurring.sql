-- Prepared before the pack queries: recurring, the rows of the director pack's Recurring failures
-- sheet (director_recurring.sql), kept as a table so the director's cover leads with them.
-- Recurring failures: combinations of organisation, stage, team and category that
-- breached (a stage instance stopped after its deadline) in at least 3 of the last 6 months up to
-- the report month, ranked by the number of such months, then by breaches. Team and category as in
-- _instance_facts.sql. Each combination's main root cause and product: the ones most of its breaches
-- in the six months have (the case's at the as-of; ties to the first by name; empty when none given).
-- Parameters: $1 the month, 'YYYY-MM'.
CREATE OR REPLACE TEMP TABLE recurring AS
WITH last_six AS (
    SELECT DISTINCT month FROM report_months
    WHERE month > strftime(CAST($1 || '-01' AS DATE) - INTERVAL 6 MONTH, '%Y-%m') AND month <= $1
),
combos AS (
    SELECT f.org, f.stage, coalesce(f.team, '(no team)') AS team, coalesce(f.category, '(no category)') AS category,
           count(DISTINCT f.stop_month) FILTER (WHERE f.status = 'breached') AS months_with_breaches,
           count(*) FILTER (WHERE f.status = 'breached') AS breached,
           count(*) AS stopped,
           max(f.stop_month) FILTER (WHERE f.status = 'breached') AS last_breach_month
    FROM instance_facts f
    WHERE f.stop_month IN (SELECT month FROM last_six)
    GROUP BY ALL
),
attributes AS (
    SELECT f.org, f.stage, coalesce(f.team, '(no team)') AS team, coalesce(f.category, '(no category)') AS category,
           a.kind, a.value, count(*) AS n
    FROM instance_facts f
    CROSS JOIN LATERAL (SELECT 'root_cause' AS kind, f.root_cause AS value UNION ALL SELECT 'product', f.product) a
    WHERE f.stop_month IN (SELECT month FROM last_six) AND f.status = 'breached' AND a.value IS NOT NULL
    GROUP BY ALL
),
main AS (
    SELECT org, stage, team, category,
           first(value ORDER BY n DESC, value) FILTER (WHERE kind = 'root_cause') AS main_root_cause,
           first(value ORDER BY n DESC, value) FILTER (WHERE kind = 'product') AS main_product
    FROM attributes
    GROUP BY ALL
)
SELECT row_number() OVER (PARTITION BY c.org ORDER BY c.months_with_breaches DESC, c.breached DESC, c.org, c.stage, c.team, c.category) AS rank,
       o.org_name, c.org, s.stage_name AS stage, c.team, c.category, c.months_with_breaches, c.breached, c.stopped,
       (c.stopped - c.breached) / c.stopped AS attainment, c.last_breach_month,
       coalesce(a.main_root_cause, '') AS main_root_cause, coalesce(a.main_product, '') AS main_product
FROM combos c
LEFT JOIN main a ON a.org = c.org AND a.stage = c.stage AND a.team = c.team AND a.category = c.category
JOIN policy_orgs o ON o.org = c.org
JOIN policy_stages s ON s.org = c.org AND s.stage = c.stage
WHERE c.months_with_breaches >= 3
ORDER BY rank;
