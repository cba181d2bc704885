-- complaints_causes.csv (contract §7): per org, legal entity and root cause (the firm's category;
-- empty when none was given), the cases closed in the period and how many of them were upheld.
-- Parameters: none.
SELECT c.org, c.legal_entity, p.period, c.root_cause, count(*) AS closed, count(*) FILTER (WHERE c.upheld) AS upheld
FROM return_cases c JOIN return_periods p ON p.org = c.org
WHERE c.closed
GROUP BY c.org, c.legal_entity, p.period, c.root_cause
ORDER BY c.org, c.legal_entity, c.root_cause;
