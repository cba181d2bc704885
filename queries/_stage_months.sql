-- Prepared before the pack queries. stage_months: every stage of every policy in each of the
-- twelve months up to the report month (report_months), with the stage instances that stopped in
-- that month: how many, how many met their limit (met or met_extended) and how many breached.
-- Parameters: none.
CREATE OR REPLACE TEMP TABLE stage_months AS
SELECT s.org, o.org_name, s.stage, s.position, m.month,
       count(i.stage) AS stopped,
       count(i.stage) FILTER (WHERE i.status IN ('met', 'met_extended')) AS met,
       count(i.stage) FILTER (WHERE i.status = 'breached') AS breached
FROM policy_stages s
JOIN policy_orgs o ON o.org = s.org
JOIN report_months m ON m.org = s.org
LEFT JOIN eval_stage_instances i ON i.org = s.org AND i.stage = s.stage
                                 AND i.stopped_at >= m.start_at AND i.stopped_at < m.end_at
GROUP BY s.org, o.org_name, s.stage, s.position, m.month;
