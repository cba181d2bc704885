-- Removes every evaluated row of the organisations in temp.evaluation_orgs: their policy or calendar
-- changed, or they have no policy any more.
DELETE FROM case_stage_instances WHERE org IN (SELECT org FROM temp.evaluation_orgs);
DELETE FROM evaluated_cases WHERE org IN (SELECT org FROM temp.evaluation_orgs);
DELETE FROM case_durations WHERE org IN (SELECT org FROM temp.evaluation_orgs);
DELETE FROM case_adr_letters WHERE org IN (SELECT org FROM temp.evaluation_orgs);
DELETE FROM case_customer_requests WHERE org IN (SELECT org FROM temp.evaluation_orgs);
DELETE FROM case_stage_diagnostics WHERE org IN (SELECT org FROM temp.evaluation_orgs);
DELETE FROM evaluation_policies WHERE org IN (SELECT org FROM temp.evaluation_orgs);
