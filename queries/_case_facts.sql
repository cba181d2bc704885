-- Prepared before the pack queries (a query whose name starts with "_" runs first, in name order,
-- and creates a table the others read). case_facts: one row per case, from its events up to the
-- month's as-of (the first instant of the next month in the organisation's zone): when it was
-- received, its channel, category and customer type as first given, the team that last handled
-- it, its pseudonymous customer key, its last event, and its attributes of contract §1 at the
-- as-of (product, root_cause and legal_entity as last given; vulnerable when any event said so), and
-- how it stands at the as-of: its last closed and last reopened events, its latest outcome given and
-- the sum of its redress (Outcomes by group and Root causes read these rather than the events again).
-- Events at the same instant are taken in the order they were read (file, then line), so the same
-- store always gives the same facts.
-- Parameters: $1 the month, 'YYYY-MM'.
CREATE OR REPLACE TEMP TABLE case_facts AS
SELECT e.org, e.case_ref,
       min(e.occurred_at) FILTER (WHERE e.event_type = 'complaint_received') AS received_at,
       arg_min(e.channel, e.read_order) FILTER (WHERE e.channel IS NOT NULL) AS channel,
       arg_min(e.category, e.read_order) FILTER (WHERE e.category IS NOT NULL) AS category,
       arg_min(e.customer_type, e.read_order) FILTER (WHERE e.customer_type IS NOT NULL) AS customer_type,
       arg_max(e.team, e.read_order) FILTER (WHERE e.team IS NOT NULL) AS team,
       arg_min(e.customer_key, e.read_order) FILTER (WHERE e.customer_key IS NOT NULL) AS customer_key,
       max(e.occurred_at) AS last_event_at,
       arg_max(e.product, e.read_order) FILTER (WHERE e.product IS NOT NULL) AS product,
       arg_max(e.root_cause, e.read_order) FILTER (WHERE e.root_cause IS NOT NULL) AS root_cause,
       arg_max(e.legal_entity, e.read_order) FILTER (WHERE e.legal_entity IS NOT NULL) AS legal_entity,
       coalesce(bool_or(e.vulnerable), false) AS vulnerable,
       max(e.occurred_at) FILTER (WHERE e.event_type = 'closed') AS closed_at,
       max(e.occurred_at) FILTER (WHERE e.event_type = 'reopened') AS reopened_at,
       arg_max(e.outcome, e.read_order) FILTER (WHERE e.outcome IS NOT NULL) AS outcome,
       sum(e.redress_amount) AS redress
FROM (
    -- (occurred_at, file_id, line) as one number, ordered as the triple is while file ids and lines
    -- stay below 2^32: one HUGEINT compares several times faster than a struct in arg_min/arg_max.
    SELECT org, case_ref, event_type, occurred_at, channel, category, customer_type, team, customer_key,
           product, root_cause, legal_entity, vulnerable, outcome, redress_amount,
           epoch_us(occurred_at)::HUGEINT * 18446744073709551616 + file_id::HUGEINT * 4294967296 + line AS read_order
    FROM events
) e
JOIN report_months m ON m.org = e.org AND m.month = $1
WHERE e.occurred_at < m.end_at
GROUP BY e.org, e.case_ref;
