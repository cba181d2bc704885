INSERT INTO purge_log
SELECT $1, $2, org, case_ref, last_event_at, events, rejected, duplicates, instances FROM (
    SELECT c.org, c.case_ref,
           (SELECT max(occurred_at) FROM events e WHERE e.org = c.org AND e.case_ref = c.case_ref) AS last_event_at,
           (SELECT count(*) FROM events e WHERE e.org = c.org AND e.case_ref = c.case_ref) AS events,
           (SELECT count(*) FROM rejected_rows r WHERE r.org = c.org AND r.case_ref = c.case_ref) AS rejected,
           (SELECT count(*) FROM duplicate_rows d WHERE d.org = c.org AND d.case_ref = c.case_ref) AS duplicates,
           (SELECT count(*) FROM case_stage_instances s WHERE s.org = c.org AND s.case_ref = c.case_ref) AS instances
    FROM purge_cases c)
