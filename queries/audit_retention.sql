-- Audit pack, Retention: per organisation, the cases held and their oldest last event, the cases
-- past the retention period (last event before the cut-off: the run's time less RetentionYears)
-- still held, which the retention job will purge, and what earlier purges removed (purge_log).
-- Parameters: none.
WITH held AS (
    SELECT org, case_ref, max(occurred_at) AS last_event_at FROM events GROUP BY org, case_ref
),
purged AS (
    SELECT org, count(*) AS cases_purged, sum(events_removed) AS events_purged, max(purged_at) AS last_purge_at
    FROM purge_log GROUP BY org
)
SELECT o.org_name, o.org, r.retention_years,
       r.retention_cutoff AT TIME ZONE 'UTC' AS cutoff_utc,
       (SELECT count(*) FROM held h WHERE h.org = o.org) AS cases_held,
       (SELECT min(h.last_event_at) FROM held h WHERE h.org = o.org) AT TIME ZONE 'UTC' AS oldest_last_event_utc,
       (SELECT count(*) FROM held h WHERE h.org = o.org AND h.last_event_at < r.retention_cutoff) AS past_retention_held,
       coalesce(p.cases_purged, 0) AS cases_purged,
       coalesce(p.events_purged, 0) AS events_purged,
       p.last_purge_at AT TIME ZONE 'UTC' AS last_purge_utc
FROM policy_orgs o
CROSS JOIN report_run r
LEFT JOIN purged p ON p.org = o.org
ORDER BY o.org;
