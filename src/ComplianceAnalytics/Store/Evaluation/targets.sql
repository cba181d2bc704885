-- The cases to evaluate again: those with events from the given files ($1, ids separated by commas),
-- except those of organisations evaluated in full anyway ($2, separated by U+001F).
CREATE OR REPLACE TEMP TABLE evaluation_targets AS
WITH ids AS (
    SELECT TRY_CAST(unnest(string_split($1, ',')) AS BIGINT) AS file_id
)
SELECT DISTINCT org, case_ref FROM events SEMI JOIN ids USING (file_id)
WHERE org NOT IN (SELECT unnest(string_split($2, chr(31))));
