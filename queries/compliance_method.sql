-- Compliance pack, Method: each policy's stages, ADR eligibility and customer windows as the
-- system reads them (contract §3): what starts and stops each clock, its limit, what pauses it,
-- whether it can be extended, and the calendar its business days are counted on. A limit with
-- dated versions has one row per version in force at some time up to the month's end, with the
-- local dates of the clock starts it applies to: a clock keeps the version of the date it started
-- on, so a month's figures can use a version that was replaced before the month began (an ADR
-- letter due on 2 June 2026 for a complaint received on 7 April, under 8 weeks). Versions from a
-- later date are left out.
-- Parameters: $1 the month, 'YYYY-MM'.
WITH month AS (
    SELECT CAST(CAST($1 || '-01' AS DATE) + INTERVAL 1 MONTH - INTERVAL 1 DAY AS DATE) AS last_day
),
versions AS (
    SELECT l.*,
           CASE WHEN l.from_date IS NULL AND l.until_date IS NULL THEN tr(l.org, 'method.always')
                ELSE concat_ws(', ',
                     CASE WHEN l.from_date IS NULL THEN tr(l.org, 'method.from_beginning')
                          ELSE format(tr(l.org, 'method.from'), strftime(l.from_date, '%Y-%m-%d')) END,
                     CASE WHEN l.until_date IS NOT NULL THEN format(tr(l.org, 'method.until'), strftime(l.until_date, '%Y-%m-%d')) END)
           END AS in_force
    FROM policy_limits l, month m
    WHERE l.from_date IS NULL OR l.from_date <= m.last_day
)
SELECT * EXCLUDE (version) FROM (
    SELECT o.org_name, s.org, s.position, v.version, 'stage' AS kind, s.stage AS rule, s.start_events AS starts, s.stop_events AS stops,
           v.version_limit AS time_limit, v.in_force, nullif(s.pause_on, '') AS paused_by, nullif(s.resume_on, '') AS resumed_by,
           CASE WHEN s.extendable THEN 'yes' ELSE 'no' END AS extendable,
           o.time_zone, o.working_days, o.holidays, o.source_file
    FROM policy_stages s
    JOIN policy_orgs o ON o.org = s.org
    JOIN versions v ON v.org = s.org AND v.kind = 'stage' AND v.rule_id = s.stage
    UNION ALL
    SELECT o.org_name, r.org, 1000 + dense_rank() OVER (PARTITION BY r.org ORDER BY r.kind, r.rule_id), v.version, r.kind, r.rule_id,
           r.from_events, r.to_events, v.version_limit, v.in_force, NULL, NULL, 'no',
           o.time_zone, o.working_days, o.holidays, o.source_file
    FROM policy_rules r
    JOIN policy_orgs o ON o.org = r.org
    JOIN versions v ON v.org = r.org AND v.kind = r.kind AND v.rule_id = r.rule_id
)
ORDER BY org, position, version;
