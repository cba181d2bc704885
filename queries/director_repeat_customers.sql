-- Director pack, Repeat customers: each pseudonymous customer with two or more complaints received
-- in the twelve months up to the report month, shown by the first 12 hex digits of the keyed
-- pseudonym (enough to tell customers apart, never a name or contact detail), with their cases'
-- categories and how many stage instances of their cases breached or are open past the limit.
-- Parameters: none (report_months holds the twelve months).
WITH twelve_months AS (
    SELECT org, min(start_at) AS start_at, max(end_at) AS end_at FROM report_months GROUP BY org
),
complaints AS (
    SELECT c.* FROM case_facts c JOIN twelve_months w ON w.org = c.org
    WHERE c.received_at >= w.start_at AND c.received_at < w.end_at AND c.customer_key IS NOT NULL
),
breaches AS (
    SELECT org, case_ref, count(*) AS breaches FROM eval_stage_instances
    WHERE status IN ('breached', 'open_breached') GROUP BY ALL
)
SELECT o.org_name, c.org, left(c.customer_key, 12) AS customer, count(*) AS complaints,
       min(c.received_at) AT TIME ZONE 'UTC' AS first_received_utc,
       max(c.received_at) AT TIME ZONE 'UTC' AS last_received_utc,
       string_agg(DISTINCT coalesce(c.category, '(none)'), ', ' ORDER BY coalesce(c.category, '(none)')) AS categories,
       coalesce(sum(b.breaches), 0) AS breaches
FROM complaints c
JOIN policy_orgs o ON o.org = c.org
LEFT JOIN breaches b ON b.org = c.org AND b.case_ref = c.case_ref
GROUP BY o.org_name, c.org, c.customer_key
HAVING count(*) >= 2
ORDER BY complaints DESC, c.org, customer;
