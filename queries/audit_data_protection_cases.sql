-- Audit pack, Data protection cases: the stage instances behind the Data protection complaints
-- sheet, by case reference (nothing personal), with local times.
-- Parameters: $1 the month, 'YYYY-MM'.
SELECT o.org_name, f.org, f.case_ref, s.stage_name AS stage, f.cycle, f.status,
       local_time(o.org, f.started_at) AS started_local,
       local_time(o.org, f.due_at) AS due_local,
       local_time(o.org, f.stopped_at) AS stopped_local,
       f.team
FROM instance_facts f
JOIN policy_orgs o ON o.org = f.org
JOIN policy_stages s ON s.org = f.org AND s.stage = f.stage
WHERE f.category = 'data_protection' AND (f.stop_month = $1 OR f.stopped_at IS NULL)
ORDER BY f.org, f.case_ref, s.position, f.cycle;
