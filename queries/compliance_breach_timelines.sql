-- Compliance pack, Breach timelines: the month's worst breaches, one per case (its latest-running
-- instance: the most business days late, then the earlier stage and cycle), most late first; the
-- pack shows the first Compliance:BreachTimelines of them (default 10) with their pictures. The
-- same instances and reasons as the Breach register (an open instance due after the firm's data stops
-- is left out there and here). Case references only: nothing personal.
-- Parameters: $1 the month, 'YYYY-MM'.
SELECT o.org_name, f.org, f.case_ref, s.stage_name AS stage, f.cycle, f.status, f.business_days_late, coalesce(r.why_local, r.why) AS why
FROM instance_facts f
JOIN policy_orgs o ON o.org = f.org
JOIN policy_stages s ON s.org = f.org AND s.stage = f.stage
JOIN coverage v ON v.org = f.org
LEFT JOIN eval_stage_reasons r ON r.org = f.org AND r.case_ref = f.case_ref AND r.stage = f.stage AND r.cycle = f.cycle
WHERE (f.status = 'breached' AND f.stop_month = $1)
   OR (f.status = 'open_breached' AND (v.status = 'full' OR f.due_at < v.covered_to))
QUALIFY row_number() OVER (PARTITION BY f.org, f.case_ref ORDER BY f.business_days_late DESC, s.position, f.cycle) = 1
ORDER BY f.business_days_late DESC, f.org, f.case_ref;
