-- Director pack, Control charts: a p-chart of the breach rate per organisation and stage over the
-- twelve months up to the report month. p = breached / stopped in the month; the centre line is
-- the twelve months' pooled rate p̄; the limits are p̄ ± 3·sqrt(p̄(1 − p̄)/n) for the month's n,
-- cut at 0 and 1. A month whose rate lies outside its limits is flagged. Only stages with at
-- least one stopped instance in the twelve months are charted.
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
)
SELECT org_name, org, stage, month, n, breached, p, p_bar, ucl, lcl,
       CASE WHEN p > ucl THEN 'above upper limit' WHEN p < lcl THEN 'below lower limit' ELSE '' END AS signal
FROM limits
ORDER BY org, position, month;
