-- What the measures read (queries/): the evaluation at each organisation's as-of (temp.eval_as_of),
-- the stored rows of the cases settled by then and the fresh rows of the others.
CREATE OR REPLACE TEMP VIEW eval_stage_instances AS
SELECT s.org, s.case_ref, s.stage, s.cycle, s.started_at, s.original_due_at, s.due_at, s.stopped_at, s.status,
       s.paused_seconds, s.extended, s.applied_limit, s.team
FROM case_stage_instances s JOIN temp.eval_as_of a ON a.org = s.org AND s.settled_from <= a.as_of
UNION ALL
SELECT org, case_ref, stage, cycle, started_at, original_due_at, due_at, stopped_at, status,
       paused_seconds, extended, applied_limit, team
FROM temp.fresh_stage_instances;

-- The reason sentence of every instance that did not simply meet its limit: why in English, why_local
-- in the organisation's language when that is not English (the packs show coalesce(why_local, why)).
CREATE OR REPLACE TEMP VIEW eval_stage_reasons AS
SELECT s.org, s.case_ref, s.stage, s.cycle, s.why, s.why_local
FROM case_stage_instances s JOIN temp.eval_as_of a ON a.org = s.org AND s.settled_from <= a.as_of
WHERE s.why IS NOT NULL
UNION ALL
SELECT org, case_ref, stage, cycle, why, why_local FROM temp.fresh_stage_instances WHERE why IS NOT NULL;

CREATE OR REPLACE TEMP VIEW eval_durations AS
SELECT d.org, d.case_ref, d.measure, d.ended_at, d.days
FROM case_durations d JOIN temp.eval_as_of a ON a.org = d.org AND d.settled_from <= a.as_of
UNION ALL
SELECT org, case_ref, measure, ended_at, days FROM temp.fresh_durations;

-- A letter counts once its due time is at or before the as-of.
CREATE OR REPLACE TEMP VIEW eval_adr_letters AS
SELECT l.org, l.case_ref, l.due_at, l.needs_letter, l.letter_missing, l.eligible_after
FROM case_adr_letters l JOIN temp.eval_as_of a ON a.org = l.org AND l.settled_from <= a.as_of
UNION ALL
SELECT l.org, l.case_ref, l.due_at, l.needs_letter, l.letter_missing, l.eligible_after
FROM temp.fresh_adr_letters l JOIN temp.eval_as_of a ON a.org = l.org AND l.due_at <= a.as_of;

CREATE OR REPLACE TEMP VIEW eval_customer_requests AS
SELECT r.org, r.case_ref, r.window_id, r.requested_at, r.late
FROM case_customer_requests r JOIN temp.eval_as_of a ON a.org = r.org AND r.settled_from <= a.as_of
UNION ALL
SELECT org, case_ref, window_id, requested_at, late FROM temp.fresh_customer_requests;

-- Orphan stops and late extensions per organisation and stage, for the data-quality sheets.
CREATE OR REPLACE TEMP TABLE eval_diagnostics AS
SELECT org, stage, sum(orphan_stops)::BIGINT AS orphan_stops, sum(late_extensions)::BIGINT AS late_extensions
FROM (
    SELECT g.org, g.stage, g.orphan_stops, g.late_extensions
    FROM case_stage_diagnostics g JOIN temp.eval_as_of a ON a.org = g.org AND g.settled_from <= a.as_of
    UNION ALL
    SELECT org, stage, orphan_stops, late_extensions FROM temp.fresh_stage_diagnostics
)
GROUP BY org, stage
ORDER BY org, stage;
