-- Compliance pack, Breach register: every stage instance that breached its limit and stopped in
-- the month, and every one still open past its limit at the month's as-of. Times are local to the
-- organisation; business days late as in _instance_facts.sql; why: the sentence the clock's own
-- steps give for the instance (eval_stage_reasons, see docs/explain.md); root cause and product as
-- the case has them at the as-of (contract §1). Case references only:
-- nothing personal.
-- An instance open at the as-of and due after the firm's last event (coverage not full) is not a
-- breach the data shows: it is left out (the cover says the data stops).
-- Parameters: $1 the month, 'YYYY-MM'.
SELECT o.org_name, f.org, f.case_ref, s.stage_name AS stage, f.cycle, f.status,
       local_time(o.org, f.started_at) AS started_local,
       local_time(o.org, f.due_at) AS due_local,
       local_time(o.org, f.stopped_at) AS stopped_local,
       f.business_days_late, CASE WHEN f.extended THEN 'yes' ELSE 'no' END AS extended, f.team, f.category,
       f.root_cause, f.product, coalesce(r.why_local, r.why) AS why
FROM instance_facts f
JOIN policy_orgs o ON o.org = f.org
JOIN policy_stages s ON s.org = f.org AND s.stage = f.stage
JOIN coverage v ON v.org = f.org
LEFT JOIN eval_stage_reasons r ON r.org = f.org AND r.case_ref = f.case_ref AND r.stage = f.stage AND r.cycle = f.cycle
WHERE (f.status = 'breached' AND f.stop_month = $1)
   OR (f.status = 'open_breached' AND (v.status = 'full' OR f.due_at < v.covered_to))
ORDER BY f.org, s.position, f.status, f.case_ref, f.cycle;
