-- Director pack, Actions: did a fix work? For each action of the actions folder (table actions),
-- the breach rate of its scope (the stage instances of its org matching every scope key it gives:
-- stage, team that held the stage at its stop, category as first given, root_cause and product as
-- the case has them at the report month's as-of, contract §1) in the 3 and 6 full
-- calendar months before and after the month of its date. The action's own month is in neither
-- window (the change settles in during it). A month is full once it has ended: the report month is
-- the last one counted.
--   before_N: months A-N .. A-1;  after_N: months A+1 .. A+N (shown only once all N have ended).
-- A two-sided two-proportion z-test (pooled) compares the longest window with every month after
-- ended (6 when six months have passed, else 3):
--   p = (b1 + b2) / (n1 + n2),  z = (r2 - r1) / sqrt(p (1 - p) (1/n1 + 1/n2)),  p-value = 2 (1 - Φ(|z|)),
-- Φ from Abramowitz and Stegun 26.2.17 (absolute error below 7.5e-8).
-- Actions dated after the report month are not shown: the pack reads as it would have then.
-- Verdict: too early (fewer than 3 full months after), no data (nothing stopped in a window),
-- improved (p-value < 0.05 and the rate after is lower), worse (p-value < 0.05 and higher),
-- otherwise no change (also when both rates are 0 or both 1, where z is undefined).
-- Parameters: $1 the month, 'YYYY-MM'.
WITH report AS (
    SELECT strptime($1 || '-01', '%Y-%m-%d')::DATE AS report_month
),
scoped AS (
    -- Each stopped instance of an action's org within the action's scope, with how many months after
    -- the action's month it stopped in (negative: before).
    SELECT a.action_id, i.status,
           datediff('month', date_trunc('month', a.action_date),
                    date_trunc('month', local_time(o.org, i.stopped_at))::DATE) AS offset_months
    FROM actions a
    JOIN policy_orgs o ON o.org = a.org
    JOIN instance_facts i ON i.org = a.org AND i.stopped_at IS NOT NULL
    WHERE (a.stage IS NULL OR i.stage = a.stage)
      AND (a.team IS NULL OR i.team = a.team)
      AND (a.category IS NULL OR i.category = a.category)
      AND (a.root_cause IS NULL OR i.root_cause = a.root_cause)
      AND (a.product IS NULL OR i.product = a.product)
),
counts AS (
    SELECT a.action_id,
           count(s.status) FILTER (WHERE s.offset_months BETWEEN -6 AND -1) AS before_6_n,
           count(s.status) FILTER (WHERE s.offset_months BETWEEN -6 AND -1 AND s.status = 'breached') AS before_6_b,
           count(s.status) FILTER (WHERE s.offset_months BETWEEN -3 AND -1) AS before_3_n,
           count(s.status) FILTER (WHERE s.offset_months BETWEEN -3 AND -1 AND s.status = 'breached') AS before_3_b,
           count(s.status) FILTER (WHERE s.offset_months BETWEEN 1 AND 3) AS after_3_n,
           count(s.status) FILTER (WHERE s.offset_months BETWEEN 1 AND 3 AND s.status = 'breached') AS after_3_b,
           count(s.status) FILTER (WHERE s.offset_months BETWEEN 1 AND 6) AS after_6_n,
           count(s.status) FILTER (WHERE s.offset_months BETWEEN 1 AND 6 AND s.status = 'breached') AS after_6_b
    FROM actions a
    LEFT JOIN scoped s ON s.action_id = a.action_id
    GROUP BY a.action_id
),
windows AS (
    SELECT a.*, o.org_name, c.*,
           datediff('month', date_trunc('month', a.action_date), r.report_month) AS months_after
    FROM actions a
    JOIN policy_orgs o ON o.org = a.org
    JOIN counts c ON c.action_id = a.action_id
    CROSS JOIN report r
    WHERE date_trunc('month', a.action_date) <= r.report_month
),
tested AS (
    SELECT w.*,
           CASE WHEN months_after >= 6 THEN 6 WHEN months_after >= 3 THEN 3 END AS test_months,
           CASE WHEN months_after >= 6 THEN before_6_n WHEN months_after >= 3 THEN before_3_n END AS n1,
           CASE WHEN months_after >= 6 THEN before_6_b WHEN months_after >= 3 THEN before_3_b END AS b1,
           CASE WHEN months_after >= 6 THEN after_6_n WHEN months_after >= 3 THEN after_3_n END AS n2,
           CASE WHEN months_after >= 6 THEN after_6_b WHEN months_after >= 3 THEN after_3_b END AS b2
    FROM windows w
),
z AS (
    SELECT t.*,
           CASE WHEN n1 > 0 AND n2 > 0 AND b1 + b2 > 0 AND b1 + b2 < n1 + n2
                THEN (b2 / n2 - b1 / n1)
                     / sqrt(((b1 + b2) / (n1 + n2)) * (1 - (b1 + b2) / (n1 + n2)) * (1 / n1 + 1 / n2))
           END AS z
    FROM tested t
),
p AS (
    SELECT z.*,
           CASE WHEN z IS NOT NULL THEN
               -- 2 (1 - Φ(|z|)) = 2 φ(|z|) (b1 t + ... + b5 t^5), t = 1 / (1 + 0.2316419 |z|).
               least(1, 2 * exp(-z * z / 2) / sqrt(2 * pi())
                   * (0.319381530 * (1 / (1 + 0.2316419 * abs(z)))
                      - 0.356563782 * pow(1 / (1 + 0.2316419 * abs(z)), 2)
                      + 1.781477937 * pow(1 / (1 + 0.2316419 * abs(z)), 3)
                      - 1.821255978 * pow(1 / (1 + 0.2316419 * abs(z)), 4)
                      + 1.330274429 * pow(1 / (1 + 0.2316419 * abs(z)), 5)))
           WHEN n1 > 0 AND n2 > 0 THEN 1.0
           END AS p_value
    FROM z
)
SELECT org_name, org, action_id, action_date, scope, description, owner,
       months_after AS full_months_after,
       before_6_n, before_6_b, CASE WHEN before_6_n > 0 THEN before_6_b / before_6_n END AS before_6_rate,
       before_3_n, before_3_b, CASE WHEN before_3_n > 0 THEN before_3_b / before_3_n END AS before_3_rate,
       CASE WHEN months_after >= 3 THEN after_3_n END AS after_3_n,
       CASE WHEN months_after >= 3 THEN after_3_b END AS after_3_b,
       CASE WHEN months_after >= 3 AND after_3_n > 0 THEN after_3_b / after_3_n END AS after_3_rate,
       CASE WHEN months_after >= 6 THEN after_6_n END AS after_6_n,
       CASE WHEN months_after >= 6 THEN after_6_b END AS after_6_b,
       CASE WHEN months_after >= 6 AND after_6_n > 0 THEN after_6_b / after_6_n END AS after_6_rate,
       test_months, z, p_value,
       CASE WHEN months_after < 3 THEN 'too early'
            WHEN n1 = 0 OR n2 = 0 THEN 'no data'
            WHEN p_value < 0.05 AND b2 / n2 < b1 / n1 THEN 'improved'
            WHEN p_value < 0.05 AND b2 / n2 > b1 / n1 THEN 'worse'
            ELSE 'no change'
       END AS verdict,
       source_file
FROM p
ORDER BY org, action_date, action_id;
