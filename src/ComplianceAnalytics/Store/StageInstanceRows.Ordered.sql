SELECT i.org, i.case_ref, i.stage, i.cycle, i.started_at, i.original_due_at, i.due_at, i.stopped_at, i.status,
       i.paused_seconds, i.extended, i.applied_limit AS "limit"
FROM eval_stage_instances i
JOIN policy_stages ps ON ps.org = i.org AND ps.stage = i.stage
ORDER BY i.org, i.case_ref, ps.position, i.cycle
