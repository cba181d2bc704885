-- Compliance pack, Method: each policy's stages, ADR eligibility and customer windows as the
-- system reads them (contract §3): what starts and stops each clock, its limit, what pauses it,
-- whether it can be extended, and the calendar its business days are counted on.
-- Parameters: none.
SELECT * FROM (
    SELECT o.org_name, s.org, s.position, 'stage' AS kind, s.stage AS rule, s.start_events AS starts, s.stop_events AS stops,
           s.stage_limit AS time_limit, nullif(s.pause_on, '') AS paused_by, nullif(s.resume_on, '') AS resumed_by,
           CASE WHEN s.extendable THEN 'yes' ELSE 'no' END AS extendable,
           o.time_zone, o.working_days, o.holidays, o.source_file
    FROM policy_stages s JOIN policy_orgs o ON o.org = s.org
    UNION ALL
    SELECT o.org_name, r.org, 1000 + row_number() OVER (PARTITION BY r.org ORDER BY r.kind, r.rule_id), r.kind, r.rule_id,
           r.from_events, r.to_events, r.rule_limit, NULL, NULL, 'no',
           o.time_zone, o.working_days, o.holidays, o.source_file
    FROM policy_rules r JOIN policy_orgs o ON o.org = r.org
)
ORDER BY org, position;
