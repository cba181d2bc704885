-- Every row of the purged cases; the case's stored evaluation goes with its events (docs/evaluation.md).
DELETE FROM events WHERE (org, case_ref) IN (SELECT (org, case_ref) FROM purge_cases);
DELETE FROM rejected_rows WHERE (org, case_ref) IN (SELECT (org, case_ref) FROM purge_cases);
DELETE FROM duplicate_rows WHERE (org, case_ref) IN (SELECT (org, case_ref) FROM purge_cases);
DELETE FROM case_stage_instances WHERE (org, case_ref) IN (SELECT (org, case_ref) FROM purge_cases);
DELETE FROM evaluated_cases WHERE (org, case_ref) IN (SELECT (org, case_ref) FROM purge_cases);
DELETE FROM case_durations WHERE (org, case_ref) IN (SELECT (org, case_ref) FROM purge_cases);
DELETE FROM case_adr_letters WHERE (org, case_ref) IN (SELECT (org, case_ref) FROM purge_cases);
DELETE FROM case_customer_requests WHERE (org, case_ref) IN (SELECT (org, case_ref) FROM purge_cases);
DELETE FROM case_stage_diagnostics WHERE (org, case_ref) IN (SELECT (org, case_ref) FROM purge_cases);
DROP TABLE temp.purge_cases
