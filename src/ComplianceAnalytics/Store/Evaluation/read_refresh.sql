-- The events of the cases to evaluate again, in the order a case is read: the cases with events from
-- the given files ($1, ids separated by commas) and every case of the given organisations ($2,
-- separated by U+001F). Parameters rather than temporary tables: this runs on a second connection.
WITH ids AS (
    SELECT TRY_CAST(unnest(string_split($1, ',')) AS BIGINT) AS file_id
),
orgs AS (
    SELECT unnest(string_split($2, chr(31))) AS org
),
touched AS (
    SELECT DISTINCT org, case_ref FROM events SEMI JOIN ids USING (file_id)
)
SELECT e.org, e.case_ref, e.event_type, epoch_us(e.occurred_at), epoch_us(e.due_at), e.team
FROM events e
WHERE e.org IN (SELECT org FROM orgs)
   OR (e.org, e.case_ref) IN (SELECT (org, case_ref) FROM touched)
ORDER BY e.org, e.case_ref, e.occurred_at, e.file_id, e.line
