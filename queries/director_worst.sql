-- Director pack, Worst ten: the ten combinations of organisation, stage, team and category with the
-- lowest attainment over the last 6 months up to the report month (at least 5 stage instances
-- stopped), with the attainment of the earlier and the later three months as their trend.
-- Parameters: $1 the month, 'YYYY-MM'.
WITH bounds AS (
    SELECT strftime(CAST($1 || '-01' AS DATE) - INTERVAL 6 MONTH, '%Y-%m') AS before_six,
           strftime(CAST($1 || '-01' AS DATE) - INTERVAL 3 MONTH, '%Y-%m') AS before_three
),
combos AS (
    SELECT f.org, f.stage, coalesce(f.team, '(no team)') AS team, coalesce(f.category, '(no category)') AS category,
           count(*) AS stopped,
           count(*) FILTER (WHERE f.status = 'breached') AS breached,
           count(*) FILTER (WHERE f.stop_month <= b.before_three) AS stopped_earlier,
           count(*) FILTER (WHERE f.stop_month <= b.before_three AND f.status <> 'breached') AS met_earlier,
           count(*) FILTER (WHERE f.stop_month > b.before_three) AS stopped_later,
           count(*) FILTER (WHERE f.stop_month > b.before_three AND f.status <> 'breached') AS met_later
    FROM instance_facts f, bounds b
    WHERE f.stop_month > b.before_six AND f.stop_month <= $1
    GROUP BY ALL
    HAVING count(*) >= 5
),
ranked AS (
    SELECT c.*, (c.stopped - c.breached) / c.stopped AS attainment,
           CASE WHEN c.stopped_earlier > 0 THEN c.met_earlier / c.stopped_earlier END AS attainment_earlier,
           CASE WHEN c.stopped_later > 0 THEN c.met_later / c.stopped_later END AS attainment_later
    FROM combos c
)
-- Ten per organisation: each firm's pack shows its own ten worst.
SELECT row_number() OVER (PARTITION BY r.org ORDER BY r.attainment, r.breached DESC, r.stage, r.team, r.category) AS rank,
       o.org_name, r.org, s.stage_name AS stage, r.team, r.category, r.stopped, r.breached, r.attainment,
       r.attainment_earlier, r.attainment_later, r.attainment_later - r.attainment_earlier AS trend
FROM ranked r
JOIN policy_orgs o ON o.org = r.org
JOIN policy_stages s ON s.org = r.org AND s.stage = r.stage
QUALIFY rank <= 10
ORDER BY r.org, rank;
