-- Director pack, Heatmap: attainment per organisation and stage in each of the twelve months up to
-- the report month (instances stopped in the month; empty when none stopped), one column per month.
-- Parameters: none (report_months holds the twelve months).
WITH cells AS (
    SELECT org, org_name, stage, position, month,
           CASE WHEN stopped > 0 THEN met / stopped END AS attainment
    FROM stage_months
)
SELECT * FROM (PIVOT cells ON month USING first(attainment) GROUP BY org, org_name, stage, position)
ORDER BY org, position;
