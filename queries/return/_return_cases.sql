-- The complaints return (contract §7), first step: one row per counted case of each organisation for
-- the period in return_periods (org, period, start_at, end_at: the period's bounds in the org's zone).
-- return_days holds, per org and local date d, the first instant of d (day_start) and the two due
-- times of a case received on d: the end of the 3rd working day after d (due_3bd, the
-- "3 business_days" due of §4) and the end of d + 56 days (due_8w).
-- A case's attributes are taken at end (§1: events at or before it; the latest non-empty value by
-- instant, then file and line read; vulnerable when any event says true).
-- Parameters: none.
CREATE OR REPLACE TEMP TABLE return_cases AS
WITH ev AS (
    -- (occurred_at, file_id, line) as one number, ordered as the triple is (see _case_facts.sql).
    SELECT e.org, e.case_ref, e.event_type, e.occurred_at, e.outcome, e.redress_amount, e.product,
           e.root_cause, e.legal_entity, e.vulnerable, p.start_at, p.end_at,
           epoch_us(e.occurred_at)::HUGEINT * 18446744073709551616 + e.file_id::HUGEINT * 4294967296 + e.line AS read_order
    FROM events e JOIN return_periods p ON p.org = e.org
    WHERE e.occurred_at <= p.end_at
),
per_case AS (
    -- One pass over the events: what needs the case's receipt or close (its first close at or after
    -- receipt, its outcome at that close) keeps the candidates as lists, chosen from below.
    SELECT org, case_ref, any_value(start_at) AS start_at, any_value(end_at) AS end_at,
           min(occurred_at) FILTER (WHERE event_type = 'complaint_received') AS received_at,
           list(occurred_at) FILTER (WHERE event_type = 'closed') AS closes,
           list({'read_order': read_order, 'occurred_at': occurred_at, 'outcome': outcome}) FILTER (WHERE outcome IS NOT NULL) AS outcomes,
           sum(redress_amount) FILTER (WHERE occurred_at < end_at) AS redress,
           arg_max(product, read_order) FILTER (WHERE product IS NOT NULL) AS product,
           arg_max(root_cause, read_order) FILTER (WHERE root_cause IS NOT NULL) AS root_cause,
           arg_max(legal_entity, read_order) FILTER (WHERE legal_entity IS NOT NULL) AS legal_entity,
           coalesce(bool_or(vulnerable), false) AS vulnerable
    FROM ev
    GROUP BY org, case_ref
),
cases AS (
    SELECT org, case_ref, received_at, start_at, end_at,
           list_min(list_filter(closes, lambda t: t >= received_at)) AS closed_at,
           outcomes, redress, product, root_cause, legal_entity, vulnerable
    FROM per_case
    WHERE received_at IS NOT NULL
),
flagged AS (
    SELECT c.*,
           c.received_at >= c.start_at AND c.received_at < c.end_at AS opened,
           coalesce(c.closed_at >= c.start_at AND c.closed_at < c.end_at, false) AS closed,
           c.received_at < c.start_at AND (c.closed_at IS NULL OR c.closed_at >= c.start_at) AS outstanding_start,
           c.received_at < c.end_at AND (c.closed_at IS NULL OR c.closed_at >= c.end_at) AS outstanding_end
    FROM cases c
),
counted AS (
    SELECT f.* FROM flagged f WHERE opened OR closed OR outstanding_start OR outstanding_end
),
dated AS (
    -- The local date of receipt: the last day that starts at or before received_at.
    SELECT c.*, d.day AS received_on, d.due_3bd, d.due_8w
    FROM counted c ASOF JOIN return_days d ON d.org = c.org AND c.received_at >= d.day_start
)
SELECT d.org, d.case_ref, coalesce(d.legal_entity, '') AS legal_entity, coalesce(d.product, '') AS product,
       coalesce(d.root_cause, '') AS root_cause, d.vulnerable, d.received_at, d.received_on, d.closed_at,
       d.opened, d.closed, d.outstanding_start, d.outstanding_end,
       d.closed AND d.closed_at <= d.due_3bd AS closed_within_3bd,
       d.closed AND d.closed_at > d.due_3bd AND d.closed_at <= d.due_8w AS closed_3bd_to_8w,
       d.closed AND d.closed_at > d.due_8w AS closed_after_8w,
       -- The latest non-empty outcome at or before the close (by instant, then file and line read).
       d.closed AND coalesce(list_sort(list_filter(d.outcomes, lambda o: o.occurred_at <= d.closed_at), 'DESC')[1].outcome
                                 IN ('upheld', 'partially_upheld'), false) AS upheld,
       CASE WHEN d.closed THEN coalesce(d.redress, 0) ELSE 0 END::DECIMAL(18, 2) AS redress
FROM dated d;
