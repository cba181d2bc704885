-- Escalation, deadlock and ADR durations in days, attributed to the month of each duration's
-- end event (contract §5). The durations themselves come from the clocks (eval_durations):
-- escalation_response from the closed cycles of escalation stages, the others from a case's
-- first events. Quantiles interpolate linearly between closest ranks (quantile_cont).
-- Parameters: $1 the month, 'YYYY-MM'.
SELECT d.org, d.measure, m.month,
       count(*) AS n,
       avg(d.days) AS mean,
       quantile_cont(d.days, 0.5) AS median,
       quantile_cont(d.days, 0.9) AS p90,
       max(d.days) AS max
FROM eval_durations d
JOIN report_months m ON m.org = d.org AND d.ended_at >= m.start_at AND d.ended_at < m.end_at
WHERE m.month = $1
GROUP BY d.org, d.measure, m.month
ORDER BY d.org, CASE d.measure WHEN 'escalation_response' THEN 1 WHEN 'time_to_deadlock' THEN 2
                               WHEN 'deadlock_to_adr' THEN 3 ELSE 4 END;
