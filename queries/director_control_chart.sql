-- Director pack, Control charts: a p-chart of the breach rate per organisation and stage over the
-- twelve months up to the report month. p = breached / stopped in the month; the centre line is
-- the twelve months' pooled rate p̄; the limits are p̄ ± 3·sqrt(p̄(1 − p̄)/n) for the month's n,
-- cut at 0 and 1. A month whose rate lies outside its limits is flagged. Only stages with at
-- least one stopped instance in the twelve months are charted. An action of the actions folder
-- whose scope includes the stage (its stage, or no stage given) marks the month of its date:
-- action_marker is 1 (the top of the chart, drawn as a vertical bar) and actions names them.
-- Parameters: none (report_months holds the twelve months).
WITH monthly AS (
    SELECT org, org_name, stage, position, month, stopped AS n, breached FROM stage_months
),
pooled AS (
    SELECT org, stage, sum(breached) / sum(n) AS p_bar
    FROM monthly GROUP BY org, stage HAVING sum(n) > 0
),
limits AS (
    SELECT m.*, p.p_bar,
           CASE WHEN m.n > 0 THEN m.breached / m.n END AS p,
           CASE WHEN m.n > 0 THEN least(1, p.p_bar + 3 * sqrt(p.p_bar * (1 - p.p_bar) / m.n)) END AS ucl,
           CASE WHEN m.n > 0 THEN greatest(0, p.p_bar - 3 * sqrt(p.p_bar * (1 - p.p_bar) / m.n)) END AS lcl
    FROM monthly m JOIN pooled p ON p.org = m.org AND p.stage = m.stage
),
marked AS (
    SELECT l.org, l.stage, l.month, string_agg(a.action_id, ', ' ORDER BY a.action_date, a.action_id) AS actions
    FROM limits l
    JOIN actions a ON a.org = l.org AND (a.stage IS NULL OR a.stage = l.stage) AND strftime(a.action_date, '%Y-%m') = l.month
    GROUP BY l.org, l.stage, l.month
)
SELECT l.org_name, l.org, l.stage, l.month, l.n, l.breached, l.p, l.p_bar, l.ucl, l.lcl,
       CASE WHEN l.p > l.ucl THEN 'above upper limit' WHEN l.p < l.lcl THEN 'below lower limit' ELSE '' END AS signal,
       CASE WHEN k.actions IS NOT NULL THEN 1.0 END AS action_marker,
       coalesce(k.actions, '') AS actions
FROM limits l
LEFT JOIN marked k ON k.org = l.org AND k.stage = l.stage AND k.month = l.month
ORDER BY l.org, l.position, l.month;
