-- Compliance pack, Trend: attainment over the twelve months up to the report month, per
-- organisation, all stages together (each instance closed in a month counts once), with the
-- instances closed and breached. A month with nothing closed has an empty attainment.
-- Parameters: none (report_months holds the twelve months).
SELECT o.org_name, m.org, m.month,
       count(i.stage) AS closed,
       count(i.stage) FILTER (WHERE i.status IN ('met', 'met_extended')) AS met,
       count(i.stage) FILTER (WHERE i.status = 'breached') AS breached,
       CASE WHEN count(i.stage) > 0
            THEN count(i.stage) FILTER (WHERE i.status IN ('met', 'met_extended')) / count(i.stage) END AS attainment
FROM report_months m
JOIN policy_orgs o ON o.org = m.org
LEFT JOIN eval_stage_instances i ON i.org = m.org AND i.stopped_at >= m.start_at AND i.stopped_at < m.end_at
GROUP BY o.org_name, m.org, m.month
ORDER BY m.org, m.month;
