-- The results of the cases an as-of evaluates afresh, shaped as the stored ones (settled_from empty).
CREATE OR REPLACE TEMP TABLE fresh_stage_instances AS SELECT * FROM case_stage_instances LIMIT 0;
CREATE OR REPLACE TEMP TABLE fresh_durations AS SELECT * FROM case_durations LIMIT 0;
CREATE OR REPLACE TEMP TABLE fresh_adr_letters AS SELECT * FROM case_adr_letters LIMIT 0;
CREATE OR REPLACE TEMP TABLE fresh_customer_requests AS SELECT * FROM case_customer_requests LIMIT 0;
CREATE OR REPLACE TEMP TABLE fresh_stage_diagnostics AS SELECT * FROM case_stage_diagnostics LIMIT 0;
CREATE OR REPLACE TEMP TABLE eval_as_of (org VARCHAR, as_of TIMESTAMPTZ);
