-- Director pack, Heatmap: attainment per organisation and stage in each of the twelve months up to
-- the report month (instances stopped in the month; empty when none stopped), one column per month,
-- each with its verdict in "<month> rag" (judge(), _judge.sql: the Summary's rule, grey for too few
-- cases; each month against the stage's target in force on its first day), and the report month's
-- stopped instances beside them.
-- Parameters: none (report_months holds the twelve months).
WITH cells AS (
    SELECT m.org, m.org_name, p.stage_name AS stage, m.position, m.month, m.stopped,
           CASE WHEN m.stopped > 0 THEN m.met / m.stopped END AS attainment,
           judge(CASE WHEN m.stopped > 0 THEN m.met / m.stopped END, m.stopped,
                 stage_target(m.org, m.stage, m.month)) AS rag
    FROM stage_months m
    JOIN policy_stages p ON p.org = m.org AND p.stage = m.stage
),
rates AS (
    SELECT * FROM (PIVOT (SELECT org, org_name, stage, position, month, attainment FROM cells) ON month USING first(attainment) GROUP BY org, org_name, stage, position)
),
judged AS (
    SELECT * FROM (PIVOT (SELECT org, stage, month || ' rag' AS month, rag FROM cells) ON month USING first(rag) GROUP BY org, stage)
),
this_month AS (
    SELECT org, stage, stopped AS closed, rag FROM cells WHERE month = (SELECT month FROM report_params)
)
SELECT * FROM rates JOIN judged USING (org, stage) JOIN this_month USING (org, stage)
ORDER BY org, position;
