-- Director pack, Root causes: what lies behind the failures, month on month. Two things counted:
--   breaches           stage instances that stopped after their deadline, in the month they stopped
--                      (instance_facts; one case may count once per stage breached);
--   upheld complaints  cases closed in the month (last closed event, not reopened after it, at the
--                      month's as-of) whose latest outcome is upheld or partially upheld.
-- each by the case's root_cause and by its product as they stand at the report month's as-of
-- (contract §1: the value last given), '(not stated)' when the firm gave none. Per organisation, the
-- five values with most over the twelve months (ties by name), one column per month, the twelve
-- months' total and its share of all counted (so the not-shown rest is 1 minus the shares).
-- Parameters: none (report_params holds the month; a PIVOT takes no parameters).
WITH per_case AS (
    -- Only a case with an event in the twelve months can be closed in them: older cases are not read.
    SELECT f.org, f.case_ref, f.closed_at, f.reopened_at, f.outcome
    FROM case_facts f JOIN (SELECT org, min(start_at) AS start_at FROM report_months GROUP BY org) w ON w.org = f.org
    WHERE f.last_event_at >= w.start_at
),
counted_items AS (
    SELECT f.org, 'breaches' AS counted, 1 AS counted_order, f.stop_month AS month, f.root_cause, f.product
    FROM instance_facts f
    WHERE f.status = 'breached' AND f.stop_month IS NOT NULL
    UNION ALL
    SELECT c.org, 'upheld complaints', 2, m.month, f.root_cause, f.product
    FROM per_case c
    JOIN case_facts f ON f.org = c.org AND f.case_ref = c.case_ref
    JOIN report_months m ON m.org = c.org AND c.closed_at >= m.start_at AND c.closed_at < m.end_at
    WHERE (c.reopened_at IS NULL OR c.reopened_at < c.closed_at) AND c.outcome IN ('upheld', 'partially_upheld')
),
by_value AS (
    SELECT i.org, i.counted, i.counted_order, d.dimension, d.dimension_order, coalesce(d.value, '(not stated)') AS value, i.month
    FROM counted_items i
    CROSS JOIN LATERAL (SELECT 'root cause' AS dimension, 1 AS dimension_order, i.root_cause AS value
                        UNION ALL SELECT 'product', 2, i.product) d
),
totals AS (
    SELECT org, counted, counted_order, dimension, dimension_order, value, count(*) AS total,
           count(*) / sum(count(*)) OVER (PARTITION BY org, counted, dimension) AS share,
           row_number() OVER (PARTITION BY org, counted, dimension ORDER BY count(*) DESC, value) AS rank
    FROM by_value
    GROUP BY org, counted, counted_order, dimension, dimension_order, value
),
top AS (
    SELECT * FROM totals WHERE rank <= 5
),
monthly AS (
    SELECT org, counted, dimension, value, month, count(*) AS n FROM by_value GROUP BY ALL
),
cells AS (
    -- Every month for every value shown, so each month has its column (0 where none).
    SELECT t.org, t.counted, t.counted_order, t.dimension, t.dimension_order, t.rank, t.value, t.total, t.share, m.month,
           coalesce(c.n, 0) AS n
    FROM top t
    JOIN report_months m ON m.org = t.org
    LEFT JOIN monthly c ON c.org = t.org AND c.counted = t.counted AND c.dimension = t.dimension AND c.value = t.value AND c.month = m.month
),
pivoted AS (
    PIVOT cells ON month USING first(n) GROUP BY org, counted, counted_order, dimension, dimension_order, rank, value, total, share
)
SELECT o.org_name, p.* EXCLUDE (counted_order, dimension_order)
FROM pivoted p JOIN policy_orgs o ON o.org = p.org
ORDER BY p.org, p.counted_order, p.dimension_order, p.rank;
