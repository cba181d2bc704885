CREATE OR REPLACE TEMP TABLE policy_orgs (org VARCHAR, org_name VARCHAR, time_zone VARCHAR, working_days VARCHAR, holidays VARCHAR, source_file VARCHAR,
    currency VARCHAR);
CREATE OR REPLACE TEMP TABLE policy_stages (org VARCHAR, stage VARCHAR, position INTEGER, stage_limit VARCHAR,
    start_events VARCHAR, stop_events VARCHAR, pause_on VARCHAR, resume_on VARCHAR, extendable BOOLEAN,
    stage_name VARCHAR, limit_words VARCHAR);
CREATE OR REPLACE TEMP TABLE policy_targets (org VARCHAR, stage VARCHAR, version INTEGER, from_date DATE, until_date DATE, target DOUBLE);
CREATE OR REPLACE TEMP TABLE policy_rules (org VARCHAR, kind VARCHAR, rule_id VARCHAR, from_events VARCHAR, to_events VARCHAR, rule_limit VARCHAR);
CREATE OR REPLACE TEMP TABLE policy_limits (org VARCHAR, kind VARCHAR, rule_id VARCHAR, version INTEGER,
    from_date DATE, until_date DATE, version_limit VARCHAR);
CREATE OR REPLACE TEMP TABLE working_days (org VARCHAR, day DATE, working_index INTEGER);
