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
cases AS MATERIALIZED (
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
-- Received and closed are counted apart, each case joined only to the periods it was received or
-- closed in (range joins), rather than every case to every period.
received AS MATERIALIZED (
    SELECT p.org, p.period, p.period_order, c.grouping, c.grp, count(*) AS complaints
    FROM cases c JOIN periods p ON p.org = c.org AND c.received_at >= p.start_at AND c.received_at < p.end_at
    GROUP BY ALL
),
closed AS MATERIALIZED (
    SELECT p.org, p.period, p.period_order, c.grouping, c.grp,
           count(*) AS closed,
           count(c.outcome) AS decided,
           count(*) FILTER (WHERE c.outcome IN ('upheld', 'partially_upheld')) AS upheld,
           -- From the epochs: subtracting TIMESTAMPTZ values goes through ICU's calendar, several times slower.
           list((epoch_us(c.closed_at) - epoch_us(c.received_at)) / 1000000 / 86400) AS days_to_close,
           count(c.redress) AS redress_cases,
           coalesce(sum(c.redress), 0) AS redress_total
    FROM cases c JOIN periods p ON p.org = c.org AND c.closed_at >= p.start_at AND c.closed_at < p.end_at
    WHERE c.is_closed
    GROUP BY ALL
),
groups AS (
    SELECT org, period, period_order, grouping, grp FROM received
    UNION
    SELECT org, period, period_order, grouping, grp FROM closed
),
rest AS (
    -- The rest of the organisation's closed cases in the period, beside each group: the other groups pooled.
    SELECT g.org, g.period, g.grouping, g.grp,
           sum(o.closed) AS rest_closed, sum(o.decided) AS rest_decided, sum(o.upheld) AS rest_upheld,
           list_median(flatten(list(o.days_to_close))) AS rest_median_days,
           sum(list_count(list_filter(o.days_to_close, d -> d <= 56))) AS rest_within_8_weeks
    FROM groups g
    JOIN closed o ON o.org = g.org AND o.period = g.period AND o.grouping = g.grouping AND o.grp <> g.grp
    GROUP BY ALL
),
stats AS (
    -- One group's figures (mine) beside those of the rest of the organisation (rest).
    SELECT g.org, g.period, g.period_order, g.grouping, g.grp,
           coalesce(r.complaints, 0) AS complaints,
           coalesce(c.closed, 0) AS closed,
           coalesce(c.decided, 0) AS decided,
           coalesce(c.upheld, 0) AS upheld,
           list_median(c.days_to_close) AS median_days_to_close,
           coalesce(list_count(list_filter(c.days_to_close, d -> d <= 56)), 0) AS within_8_weeks,
           coalesce(c.redress_cases, 0) AS redress_cases,
           coalesce(c.redress_total, 0) AS redress_total,
           coalesce(x.rest_closed, 0) AS rest_closed,
           coalesce(x.rest_decided, 0) AS rest_decided,
           coalesce(x.rest_upheld, 0) AS rest_upheld,
           x.rest_median_days,
           coalesce(x.rest_within_8_weeks, 0) AS rest_within_8_weeks
    FROM groups g
    LEFT JOIN received r ON r.org = g.org AND r.period = g.period AND r.grouping = g.grouping AND r.grp = g.grp
    LEFT JOIN closed c ON c.org = g.org AND c.period = g.period AND c.grouping = g.grouping AND c.grp = g.grp
    LEFT JOIN rest x ON x.org = g.org AND x.period = g.period AND x.grouping = g.grouping AND x.grp = g.grp
),
rates AS MATERIALIZED (
    SELECT s.*,
           CASE WHEN decided > 0 THEN upheld / decided END AS uphold_rate,
           CASE WHEN closed > 0 THEN within_8_weeks / closed END AS within_8_weeks_share,
           CASE WHEN rest_decided > 0 THEN rest_upheld / rest_decided END AS rest_uphold_rate,
           CASE WHEN rest_closed > 0 THEN rest_within_8_weeks / rest_closed END AS rest_within_8_weeks_share
    FROM stats s
),
gaps AS (
    -- Each measure's gap, worse-is-positive, kept when over its margin and both sides are big enough.
    SELECT r.org, r.period, r.grouping, r.grp, f.position, f.gap
    FROM rates r
    CROSS JOIN (VALUES (1, 'uphold rate'), (2, 'median days to close'), (3, 'closed within 8 weeks')) f0(position, measure)
    CROSS JOIN LATERAL (
        SELECT f0.position, CASE f0.position
            WHEN 1 THEN r.uphold_rate - r.rest_uphold_rate
            WHEN 2 THEN r.median_days_to_close - r.rest_median_days
            ELSE r.rest_within_8_weeks_share - r.within_8_weeks_share END AS gap
    ) f
    JOIN outcome_margins m ON m.measure = f0.measure
    WHERE r.closed >= m.min_closed AND r.rest_closed >= m.min_closed AND f.gap > m.margin
),
flags AS (
    -- The kept gaps' sentences in the firm's language (tr, num), composed for those rows only.
    SELECT org, period, grouping, grp,
           string_agg(CASE position
               WHEN 1 THEN format(tr(org, 'outcomes.flag.uphold_rate'), num(org, 100 * gap, 1))
               WHEN 2 THEN format(tr(org, 'outcomes.flag.median_days'), num(org, gap, 1))
               ELSE format(tr(org, 'outcomes.flag.within_8_weeks'), num(org, 100 * gap, 1)) END, '; ' ORDER BY position) AS flag
    FROM gaps
    GROUP BY org, period, grouping, grp
)
SELECT o.org_name, r.org, r.grouping, r.grp AS "group", r.period,
       r.complaints, r.closed, r.decided, r.upheld, r.uphold_rate, r.median_days_to_close,
       r.within_8_weeks, r.within_8_weeks_share, r.redress_cases, r.redress_total, o.currency,
       coalesce(f.flag, '') AS flag
FROM rates r
JOIN policy_orgs o ON o.org = r.org
LEFT JOIN flags f ON f.org = r.org AND f.period = r.period AND f.grouping = r.grouping AND f.grp = r.grp
ORDER BY r.org, r.grouping, r.period_order, r.grp;
