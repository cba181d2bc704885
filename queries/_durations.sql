-- Prepared before the pack queries: month_durations, the escalation, deadlock and ADR durations in
-- days, attributed to the month of each duration's end event (contract §5), read by durations.sql
-- (durations.csv) and pack_durations.sql (the compliance pack's Durations sheet), so both show the
-- same figures. The durations themselves come from the clocks (eval_durations): escalation_response
-- from the closed cycles of escalation_requested -> escalation_response_issued (whatever the
-- policy's stages), the others from a case's first events. Quantiles interpolate linearly between
-- closest ranks (quantile_cont). Every organisation with a policy has a row for each of the four
-- measures every month; with n = 0 the statistics are empty.
-- Parameters: $1 the month, 'YYYY-MM'.
CREATE OR REPLACE TEMP TABLE month_durations AS
WITH measures (measure, position) AS (
    VALUES ('escalation_response', 1), ('time_to_deadlock', 2), ('deadlock_to_adr', 3), ('adr_duration', 4)
)
SELECT m.org, ms.measure, ms.position, m.month,
       count(d.days) AS n,
       avg(d.days) AS mean,
       quantile_cont(d.days, 0.5) AS median,
       quantile_cont(d.days, 0.9) AS p90,
       max(d.days) AS max
FROM report_months m
JOIN policy_orgs o ON o.org = m.org
CROSS JOIN measures ms
LEFT JOIN eval_durations d ON d.org = m.org AND d.measure = ms.measure AND d.ended_at >= m.start_at AND d.ended_at < m.end_at
WHERE m.month = $1
GROUP BY m.org, ms.measure, ms.position, m.month;
