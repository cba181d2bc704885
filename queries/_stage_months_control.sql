-- Prepared before the pack queries (after _stage_months): control_chart, the director pack's
-- Control charts rows (director_control_chart.sql), kept as a table so the director's cover
-- leads with this month's out-of-control signals.
-- Control charts: a p-chart of the breach rate per organisation and stage over the
-- twelve months up to the report month. p = breached / stopped in the month; the centre line is
-- the twelve months' pooled rate p̄; the limits are p̄ ± 3·sqrt(p̄(1 − p̄)/n) for the month's n,
-- cut at 0 and 1. A month whose rate lies outside its limits is flagged. Only stages with at
-- least one stopped instance in the twelve months are charted.
-- Parameters: none (report_months holds the twelve months).
CREATE OR REPLACE TEMP TABLE control_chart AS
WITH monthly AS (
    SELECT m.org, m.org_name, m.stage AS stage_id, s.stage_name AS stage, m.position, m.month, m.stopped AS n, m.breached
    FROM stage_months m JOIN policy_stages s ON s.org = m.org AND s.stage = m.stage
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
SELECT org_name, org, stage_id, stage, position, month, n, breached, p,
       -- The centre line and limits only over months with data: a month with nothing stopped has no point.
       CASE WHEN n > 0 THEN p_bar END AS p_bar, ucl, lcl,
       CASE WHEN p > ucl THEN 'above upper limit' WHEN p < lcl THEN 'below lower limit' ELSE '' END AS signal,
       -- The points outside the limits again, as their own series: drawn red on the chart.
       CASE WHEN p > ucl OR p < lcl THEN p END AS signal_p
FROM limits;
