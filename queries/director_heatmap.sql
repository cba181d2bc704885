-- Director pack, Heatmap: attainment per organisation and stage in each of the twelve months up to
-- the report month (instances stopped in the month; empty when none stopped), one column per month.
-- Parameters: none (report_months holds the twelve months).
WITH cells AS (
    SELECT s.org, o.org_name, s.stage, s.position, m.month,
           CASE WHEN count(i.stage) > 0
                THEN count(i.stage) FILTER (WHERE i.status IN ('met', 'met_extended')) / count(i.stage) END AS attainment
    FROM policy_stages s
    JOIN policy_orgs o ON o.org = s.org
    JOIN report_months m ON m.org = s.org
    LEFT JOIN eval_stage_instances i ON i.org = s.org AND i.stage = s.stage
                                     AND i.stopped_at >= m.start_at AND i.stopped_at < m.end_at
    GROUP BY s.org, o.org_name, s.stage, s.position, m.month
)
SELECT * FROM (PIVOT cells ON month USING first(attainment) GROUP BY org, org_name, stage, position)
ORDER BY org, position;
