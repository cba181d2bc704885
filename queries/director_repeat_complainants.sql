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
),
per_org AS (
    SELECT org, count(*) AS complaints, count(*) FILTER (WHERE customer_key IS NULL) AS without_customer_key
    FROM complaints GROUP BY org
),
per_org_customers AS (
    SELECT org, count(*) AS customers,
           count(*) FILTER (WHERE complaints >= 2) AS repeat_customers,
           coalesce(sum(complaints) FILTER (WHERE complaints >= 2), 0) AS complaints_from_repeat
    FROM customers GROUP BY org
)
SELECT o.org_name, o.org,
       coalesce(p.complaints, 0) AS complaints,
       coalesce(p.without_customer_key, 0) AS without_customer_key,
       coalesce(c.customers, 0) AS customers,
       coalesce(c.repeat_customers, 0) AS repeat_customers,
       coalesce(c.complaints_from_repeat, 0) AS complaints_from_repeat,
       CASE WHEN p.complaints > 0 THEN coalesce(c.complaints_from_repeat, 0) / p.complaints END AS repeat_share
FROM policy_orgs o
LEFT JOIN per_org p ON p.org = o.org
LEFT JOIN per_org_customers c ON c.org = o.org
ORDER BY o.org;
