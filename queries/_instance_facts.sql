-- Prepared before the pack queries. instance_facts: every evaluated stage instance, with its
--   team                (from eval_stage_instances, set as the clocks read the case's events in
--                       order) the team on the case's latest event with a team at or before the
--                       stop (for an open instance: before the as-of), i.e. who held it when it
--                       ended; of events at one instant, the last read (file, then line);
-- and
--   stop_month          the reporting month (of the twelve in report_months) its stop falls in;
--   category, channel   the case's, as first given;
--   root_cause, product the case's at the month's as-of (contract §1: as last given), so a cause
--                       found after the stop still counts for the instance;
--   business_days_late  for breached and open_breached instances: the working days (policy
--                       calendar) after the local due date up to and including the local date of
--                       the stop (for open ones: the last day of the month); 0 when late on the
--                       due date itself.
-- Only the instances a pack can show are kept, however long the history: those open at the as-of,
-- those stopped in the twelve months, and those stopped in the six months before an action's month
-- or after it (director_actions compares them; seven months back covers any time zone). The others
-- are in no pack's period.
-- Parameters: $1 the month, 'YYYY-MM'.
CREATE OR REPLACE TEMP TABLE instance_facts AS
WITH month_end AS (
    SELECT org, end_at AS as_of FROM report_months WHERE month = $1
),
since AS (
    SELECT m.org, least(min(m.start_at), (SELECT min(a.action_date) - INTERVAL 7 MONTH FROM actions a WHERE a.org = m.org)::TIMESTAMPTZ) AS since_at
    FROM report_months m GROUP BY m.org
),
shown AS (
    SELECT i.* FROM eval_stage_instances i JOIN since s ON s.org = i.org
    WHERE i.stopped_at IS NULL OR i.stopped_at >= s.since_at
),
late AS (
    SELECT i.org, i.case_ref, i.stage, i.cycle,
           local_time(o.org, i.due_at)::DATE AS due_day,
           local_time(o.org, coalesce(i.stopped_at, a.as_of - INTERVAL 1 MICROSECOND))::DATE AS end_day
    FROM shown i
    JOIN month_end a ON a.org = i.org
    JOIN policy_orgs o ON o.org = i.org
    WHERE i.status IN ('breached', 'open_breached')
),
late_days AS (
    -- working_index counts the working days up to and including each day, so the working days
    -- in (due_day, end_day] are the difference of the two.
    SELECT l.org, l.case_ref, l.stage, l.cycle, e.working_index - d.working_index AS business_days_late
    FROM late l
    JOIN working_days d ON d.org = l.org AND d.day = l.due_day
    JOIN working_days e ON e.org = l.org AND e.day = l.end_day
)
SELECT i.*, m.month AS stop_month, c.category, c.channel, c.root_cause, c.product, d.business_days_late
FROM shown i
LEFT JOIN report_months m ON m.org = i.org AND i.stopped_at >= m.start_at AND i.stopped_at < m.end_at
LEFT JOIN case_facts c ON c.org = i.org AND c.case_ref = i.case_ref
LEFT JOIN late_days d ON d.org = i.org AND d.case_ref = i.case_ref AND d.stage = i.stage AND d.cycle = i.cycle;
