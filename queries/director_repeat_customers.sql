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
-- Only customers with two or more complaints go on to the breach join and the category lists:
-- most customers complain once, and those two steps over every customer cost most of the query.
repeat_complaints AS (
    SELECT c.* FROM complaints c
    SEMI JOIN (SELECT org, customer_key FROM complaints GROUP BY ALL HAVING count(*) >= 2) r
        ON r.org = c.org AND r.customer_key = c.customer_key
),
breaches AS (
    SELECT i.org, i.case_ref, count(*) AS breaches FROM eval_stage_instances i
    SEMI JOIN repeat_complaints c ON c.org = i.org AND c.case_ref = i.case_ref
    WHERE i.status IN ('breached', 'open_breached') GROUP BY ALL
)
SELECT o.org_name, c.org, left(c.customer_key, 12) AS customer, count(*) AS complaints,
       min(c.received_at) AT TIME ZONE 'UTC' AS first_received_utc,
       max(c.received_at) AT TIME ZONE 'UTC' AS last_received_utc,
       -- The same as string_agg(DISTINCT .. ORDER BY ..), which DuckDB computes several times slower.
       array_to_string(list_sort(list_distinct(list(coalesce(c.category, '(none)')))), ', ') AS categories,
       coalesce(sum(b.breaches), 0) AS breaches
FROM repeat_complaints c
JOIN policy_orgs o ON o.org = c.org
LEFT JOIN breaches b ON b.org = c.org AND b.case_ref = c.case_ref
GROUP BY o.org_name, c.org, c.customer_key
HAVING count(*) >= 2
ORDER BY complaints DESC, c.org, customer;
