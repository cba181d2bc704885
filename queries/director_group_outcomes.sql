-- Director pack, Outcomes by group (Consumer Duty): how each group of customers fares, per
-- organisation, for each of the twelve months and over the twelve months together.
--   complaints            cases received in the period (first complaint_received);
--   closed                cases whose last closed event falls in the period and that were not
--                         reopened after it (at the month's as-of);
--   decided, upheld       of the closed: those with an outcome (the latest given), and those upheld
--                         or partially upheld (upheld in part counts as upheld);
--   median_days_to_close  calendar days from received to closed, median over the closed;
--   within_8_weeks        of the closed, those closed at most 56 days after they were received;
--   redress_cases/total   of the closed, those with any redress_amount, and the sum of all of it,
--                         in the policy's currency (shown with the amount).
-- Groups: customer_type (the case's as first given; 'not given' when none), and vulnerability:
-- 'vulnerable' when any of the case's events up to the month's as-of says so (contract §1, so a
-- flag that arrives after the case closed still counts, in every period of the pack), else 'not
-- vulnerable' (including a case where the firm never said either way).
-- Flag: a group whose uphold rate, median days to close or share closed within 8 weeks is worse
-- than that of the rest of the organisation's closed cases in the period (pooled, not averaged) by
-- more than the margin in outcome_margins, when both have at least min_closed closed cases. The
-- flag names the measure and the gap. Redress is not flagged: more money put right is not a worse
-- outcome in itself.
-- Parameters: $1 the month, 'YYYY-MM'.
WITH case_rows AS (
    -- Only a case with an event in the twelve months (before the as-of) can be received or closed in
    -- them: a case whose last event is earlier counts in no period, whatever the length of the history.
    SELECT f.org, f.case_ref, f.customer_type, f.vulnerable,
           f.received_at, f.closed_at, f.outcome, f.redress,
           f.closed_at IS NOT NULL AND f.received_at IS NOT NULL
               AND (f.reopened_at IS NULL OR f.reopened_at < f.closed_at) AS is_closed
    FROM case_facts f JOIN (SELECT org, min(start_at) AS start_at FROM report_months GROUP BY org) w ON w.org = f.org
    WHERE f.last_event_at >= w.start_at
),
cases AS (
    -- Each case once per grouping: its customer type, and whether it is vulnerable.
    SELECT org, case_ref, 'customer type' AS grouping, coalesce(customer_type, 'not given') AS grp,
           received_at, closed_at, outcome, redress, is_closed
    FROM case_rows
    UNION ALL
    SELECT org, case_ref, 'vulnerability', CASE WHEN vulnerable THEN 'vulnerable' ELSE 'not vulnerable' END,
           received_at, closed_at, outcome, redress, is_closed
    FROM case_rows
),
periods AS (
    -- Each of the twelve months, and the twelve months as one period.
    SELECT org, month AS period, start_at, end_at, 1 + row_number() OVER (PARTITION BY org ORDER BY month) AS period_order
    FROM report_months
    UNION ALL
    SELECT org, '12 months', min(start_at), max(end_at), 1 FROM report_months GROUP BY org
),
in_period AS (
    -- Each case in each period it was received or closed in: every figure below counts only those.
    SELECT * FROM (
        SELECT p.org, p.period, p.period_order, c.grouping, c.grp,
               c.received_at >= p.start_at AND c.received_at < p.end_at AS received_in,
               c.is_closed AND c.closed_at >= p.start_at AND c.closed_at < p.end_at AS closed_in,
               c.outcome, c.redress,
               -- From the epochs: subtracting TIMESTAMPTZ values goes through ICU's calendar, several times slower.
               (epoch_us(c.closed_at) - epoch_us(c.received_at)) / 1000000 / 86400 AS days_to_close
        FROM periods p JOIN cases c ON c.org = p.org
    )
    WHERE received_in OR closed_in
),
groups AS (
    SELECT DISTINCT org, period, period_order, grouping, grp FROM in_period
),
stats AS (
    -- One group's figures (mine) beside those of the rest of the organisation (rest).
    SELECT g.org, g.period, g.period_order, g.grouping, g.grp,
           count(*) FILTER (WHERE i.grp = g.grp AND i.received_in) AS complaints,
           count(*) FILTER (WHERE i.grp = g.grp AND i.closed_in) AS closed,
           count(*) FILTER (WHERE i.grp = g.grp AND i.closed_in AND i.outcome IS NOT NULL) AS decided,
           count(*) FILTER (WHERE i.grp = g.grp AND i.closed_in AND i.outcome IN ('upheld', 'partially_upheld')) AS upheld,
           median(i.days_to_close) FILTER (WHERE i.grp = g.grp AND i.closed_in) AS median_days_to_close,
           count(*) FILTER (WHERE i.grp = g.grp AND i.closed_in AND i.days_to_close <= 56) AS within_8_weeks,
           count(*) FILTER (WHERE i.grp = g.grp AND i.closed_in AND i.redress IS NOT NULL) AS redress_cases,
           coalesce(sum(i.redress) FILTER (WHERE i.grp = g.grp AND i.closed_in), 0) AS redress_total,
           count(*) FILTER (WHERE i.grp <> g.grp AND i.closed_in) AS rest_closed,
           count(*) FILTER (WHERE i.grp <> g.grp AND i.closed_in AND i.outcome IS NOT NULL) AS rest_decided,
           count(*) FILTER (WHERE i.grp <> g.grp AND i.closed_in AND i.outcome IN ('upheld', 'partially_upheld')) AS rest_upheld,
           median(i.days_to_close) FILTER (WHERE i.grp <> g.grp AND i.closed_in) AS rest_median_days,
           count(*) FILTER (WHERE i.grp <> g.grp AND i.closed_in AND i.days_to_close <= 56) AS rest_within_8_weeks
    FROM groups g
    JOIN in_period i ON i.org = g.org AND i.period = g.period AND i.grouping = g.grouping
    GROUP BY g.org, g.period, g.period_order, g.grouping, g.grp
),
rates AS (
    SELECT s.*,
           CASE WHEN decided > 0 THEN upheld / decided END AS uphold_rate,
           CASE WHEN closed > 0 THEN within_8_weeks / closed END AS within_8_weeks_share,
           CASE WHEN rest_decided > 0 THEN rest_upheld / rest_decided END AS rest_uphold_rate,
           CASE WHEN rest_closed > 0 THEN rest_within_8_weeks / rest_closed END AS rest_within_8_weeks_share
    FROM stats s
),
flags AS (
    -- Each measure's gap, worse-is-positive, kept when over its margin and both sides are big enough;
    -- its sentence in the firm's language (tr, num).
    SELECT r.org, r.period, r.grouping, r.grp,
           string_agg(f.text, '; ' ORDER BY f.position) AS flag
    FROM rates r
    CROSS JOIN outcome_margins m
    CROSS JOIN LATERAL (
        SELECT 1 AS position, 'uphold rate' AS measure, r.uphold_rate - r.rest_uphold_rate AS gap,
               format(tr(r.org, 'outcomes.flag.uphold_rate'), num(r.org, 100 * (r.uphold_rate - r.rest_uphold_rate), 1)) AS text
        UNION ALL
        SELECT 2, 'median days to close', r.median_days_to_close - r.rest_median_days,
               format(tr(r.org, 'outcomes.flag.median_days'), num(r.org, r.median_days_to_close - r.rest_median_days, 1))
        UNION ALL
        SELECT 3, 'closed within 8 weeks', r.rest_within_8_weeks_share - r.within_8_weeks_share,
               format(tr(r.org, 'outcomes.flag.within_8_weeks'), num(r.org, 100 * (r.rest_within_8_weeks_share - r.within_8_weeks_share), 1))
    ) f
    WHERE m.measure = f.measure AND r.closed >= m.min_closed AND r.rest_closed >= m.min_closed AND f.gap > m.margin
    GROUP BY r.org, r.period, r.grouping, r.grp
)
SELECT o.org_name, r.org, r.grouping, r.grp AS "group", r.period,
       r.complaints, r.closed, r.decided, r.upheld, r.uphold_rate, r.median_days_to_close,
       r.within_8_weeks, r.within_8_weeks_share, r.redress_cases, r.redress_total, o.currency,
       coalesce(f.flag, '') AS flag
FROM rates r
JOIN policy_orgs o ON o.org = r.org
LEFT JOIN flags f ON f.org = r.org AND f.period = r.period AND f.grouping = r.grouping AND f.grp = r.grp
ORDER BY r.org, r.grouping, r.period_order, r.grp;
