-- Audit pack, Policy history: every version of every policy file the store has seen (contract §3
-- policies; policy_versions), with its SHA-256, when it was first and last seen by a job or
-- verb that evaluates with it (ingest, export, report, each scheduled or run-once job), and which keys changed from the version of the same file before it. A
-- month's packs are made from the versions seen when they were published (Manifest).
-- Parameters: none.
SELECT v.file, v.org, v.sha256,
       v.first_seen AT TIME ZONE 'UTC' AS first_seen_utc,
       v.last_seen AT TIME ZONE 'UTC' AS last_seen_utc,
       CASE WHEN v.changed_keys IS NULL THEN '(first version seen)'
            WHEN v.changed_keys = '' THEN '(no rule: comments or layout)'
            ELSE v.changed_keys END AS changed_keys
FROM policy_versions v
ORDER BY v.file, v.first_seen, v.sha256;
