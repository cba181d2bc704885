-- Director pack, Repeat complainants: per organisation, customers (by pseudonymous customer key,
-- never by name) with two or more complaints received in the twelve months up to the report month,
-- and the share of complaints that came from them. Complaints without a customer key (no email or
-- phone arrived) cannot be linked and are counted apart.
-- Parameters: none (report_months holds the twelve months).
WITH twelve_months AS (
    SELECT org, min(start_at) AS start_at, max(end_at) AS end_at FROM report_months GROUP BY org
),
complaints AS (
    SELECT c.org, c.case_ref, c.customer_key
    FROM case_facts c JOIN twelve_months w ON w.org = c.org
    WHERE c.received_at >= w.start_at AND c.received_at < w.end_at
),
customers AS (
    SELECT org, customer_key, count(*) AS complaints FROM complaints WHERE customer_key IS NOT NULL GROUP BY ALL
)
SELECT o.org_name, o.org,
       (SELECT count(*) FROM complaints x WHERE x.org = o.org) AS complaints,
       (SELECT count(*) FROM complaints x WHERE x.org = o.org AND x.customer_key IS NULL) AS without_customer_key,
       (SELECT count(*) FROM customers u WHERE u.org = o.org) AS customers,
       (SELECT count(*) FROM customers u WHERE u.org = o.org AND u.complaints >= 2) AS repeat_customers,
       (SELECT coalesce(sum(u.complaints), 0) FROM customers u WHERE u.org = o.org AND u.complaints >= 2) AS complaints_from_repeat,
       CASE WHEN (SELECT count(*) FROM complaints x WHERE x.org = o.org) > 0
            THEN (SELECT coalesce(sum(u.complaints), 0) FROM customers u WHERE u.org = o.org AND u.complaints >= 2)
                 / (SELECT count(*) FROM complaints x WHERE x.org = o.org) END AS repeat_share
FROM policy_orgs o
ORDER BY o.org;
