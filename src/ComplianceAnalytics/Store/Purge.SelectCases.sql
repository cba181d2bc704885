CREATE OR REPLACE TEMP TABLE purge_cases AS
SELECT org, case_ref FROM events GROUP BY org, case_ref HAVING max(occurred_at) < $1
