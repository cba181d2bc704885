CREATE OR REPLACE TEMP TABLE actions (action_id VARCHAR, org VARCHAR, action_date DATE, scope VARCHAR,
    stage VARCHAR, team VARCHAR, category VARCHAR, root_cause VARCHAR, product VARCHAR,
    description VARCHAR, owner VARCHAR, source_file VARCHAR);
