-- Prepared before the pack queries (after _instance_facts.sql). upcoming: what needs doing next,
-- for the compliance pack's Due soon sheet and its cover. Stage instances open and within their
-- limit at the month's as-of whose due time falls within the next Compliance:DueSoonWorkingDays
-- working days (report_params.due_soon_days, policy calendar): the as-of's own local day, when a
-- working day, counts as the first. A firm whose data does not reach the month's end (coverage not
-- full) has no row: what was open when its data stopped is not known to be open now. why: the
-- sentence the clock's own steps give for the instance (eval_stage_reasons, as the Breach register;
-- docs/explain.md): every open instance has one.
-- Parameters: $1 the month, 'YYYY-MM'.
CREATE OR REPLACE TEMP TABLE upcoming AS
WITH as_of AS (
    SELECT m.org, m.end_at, local_time(o.org, m.end_at)::DATE AS as_of_day
    FROM report_months m JOIN policy_orgs o ON o.org = m.org
    WHERE m.month = $1
),
horizon AS (
    -- The last day of the window: the day whose working index is the as-of's (the working days up
    -- to the day before it) plus N; the first such day, so non-working days after it stay out.
    SELECT a.org, a.end_at, a.as_of_day, min(w.day) AS last_day
    FROM as_of a
    JOIN working_days b ON b.org = a.org AND b.day = a.as_of_day - INTERVAL 1 DAY
    JOIN working_days w ON w.org = a.org AND w.working_index = b.working_index + (SELECT due_soon_days FROM report_params)
    GROUP BY a.org, a.end_at, a.as_of_day
),
open_within AS (
    -- The open instances and their local due day first: the few that can be due soon, before any join.
    SELECT f.*, local_time(o.org, f.due_at)::DATE AS due_day
    FROM instance_facts f JOIN policy_orgs o ON o.org = f.org
    WHERE f.status = 'open_within'
)
SELECT o.org_name, f.org, f.case_ref, s.stage_name AS stage, s.limit_words AS stage_limit,
       local_time(o.org, f.started_at) AS started_local,
       local_time(o.org, f.due_at) AS due_local,
       w.working_index - b.working_index AS working_days_left,
       f.team, f.category, coalesce(r.why_local, r.why) AS why, f.due_at, s.position, f.cycle
FROM open_within f
JOIN horizon h ON h.org = f.org AND f.due_at >= h.end_at AND f.due_day <= h.last_day
JOIN coverage v ON v.org = f.org AND v.status = 'full'
JOIN policy_orgs o ON o.org = f.org
JOIN policy_stages s ON s.org = f.org AND s.stage = f.stage
JOIN working_days b ON b.org = f.org AND b.day = h.as_of_day - INTERVAL 1 DAY
JOIN working_days w ON w.org = f.org AND w.day = f.due_day
LEFT JOIN eval_stage_reasons r ON r.org = f.org AND r.case_ref = f.case_ref AND r.stage = f.stage AND r.cycle = f.cycle;
