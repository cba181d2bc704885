-- Audit pack, Purge log: every case the retention job removed, with what was removed; case
-- references and counts only, nothing personal.
-- Parameters: none.
SELECT purged_at AT TIME ZONE 'UTC' AS purged_utc, cutoff AT TIME ZONE 'UTC' AS cutoff_utc, org, case_ref,
       last_event_at AT TIME ZONE 'UTC' AS last_event_utc,
       events_removed, rejected_removed, duplicates_removed, instances_removed
FROM purge_log
ORDER BY purged_at DESC, org, case_ref;
