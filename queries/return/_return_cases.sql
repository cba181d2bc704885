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
received AS (
    SELECT org, case_ref, min(occurred_at) AS received_at
    FROM ev WHERE event_type = 'complaint_received' GROUP BY ALL
),
cases AS (
    SELECT r.org, r.case_ref, r.received_at, any_value(ev.start_at) AS start_at, any_value(ev.end_at) AS end_at,
           min(ev.occurred_at) FILTER (WHERE ev.event_type = 'closed' AND ev.occurred_at >= r.received_at) AS closed_at,
           arg_max(ev.product, ev.read_order) FILTER (WHERE ev.product IS NOT NULL) AS product,
           arg_max(ev.root_cause, ev.read_order) FILTER (WHERE ev.root_cause IS NOT NULL) AS root_cause,
           arg_max(ev.legal_entity, ev.read_order) FILTER (WHERE ev.legal_entity IS NOT NULL) AS legal_entity,
           coalesce(bool_or(ev.vulnerable), false) AS vulnerable
    FROM received r JOIN ev ON ev.org = r.org AND ev.case_ref = r.case_ref
    GROUP BY r.org, r.case_ref, r.received_at
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
outcomes AS (
    -- The latest non-empty outcome at or before the case's close, for the cases closed in the period.
    SELECT c.org, c.case_ref, arg_max(ev.outcome, ev.read_order) AS outcome
    FROM counted c JOIN ev ON ev.org = c.org AND ev.case_ref = c.case_ref
    WHERE c.closed AND ev.outcome IS NOT NULL AND ev.occurred_at <= c.closed_at
    GROUP BY ALL
),
redress AS (
    SELECT c.org, c.case_ref, sum(ev.redress_amount) AS redress
    FROM counted c JOIN ev ON ev.org = c.org AND ev.case_ref = c.case_ref
    WHERE c.closed AND ev.occurred_at < c.end_at AND ev.redress_amount IS NOT NULL
    GROUP BY ALL
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
       d.closed AND coalesce(o.outcome IN ('upheld', 'partially_upheld'), false) AS upheld,
       CASE WHEN d.closed THEN coalesce(r.redress, 0) ELSE 0 END::DECIMAL(18, 2) AS redress
FROM dated d
LEFT JOIN outcomes o ON o.org = d.org AND o.case_ref = d.case_ref
LEFT JOIN redress r ON r.org = d.org AND r.case_ref = d.case_ref;
