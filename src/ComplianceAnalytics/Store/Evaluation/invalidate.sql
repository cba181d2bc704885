-- Removes the evaluation of the cases in temp.evaluation_targets (filled just before, in the same
-- transaction), so that the evaluation appends them again.
DELETE FROM case_stage_instances WHERE (org, case_ref) IN (SELECT (org, case_ref) FROM temp.evaluation_targets);
DELETE FROM evaluated_cases WHERE (org, case_ref) IN (SELECT (org, case_ref) FROM temp.evaluation_targets);
DELETE FROM case_durations WHERE (org, case_ref) IN (SELECT (org, case_ref) FROM temp.evaluation_targets);
DELETE FROM case_adr_letters WHERE (org, case_ref) IN (SELECT (org, case_ref) FROM temp.evaluation_targets);
DELETE FROM case_customer_requests WHERE (org, case_ref) IN (SELECT (org, case_ref) FROM temp.evaluation_targets);
DELETE FROM case_stage_diagnostics WHERE (org, case_ref) IN (SELECT (org, case_ref) FROM temp.evaluation_targets);
