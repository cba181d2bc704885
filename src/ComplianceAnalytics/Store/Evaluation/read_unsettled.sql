-- The events of the cases an as-of needs evaluated afresh: of each organisation at its as-of ($1:
-- org U+001F epoch microseconds, organisations separated by U+001E), the cases begun by then that are
-- not settled by then (an open instance, or the as-of falls before the case's settled_from).
WITH as_of AS (
    SELECT split_part(x, chr(31), 1) AS org, CAST(split_part(x, chr(31), 2) AS BIGINT) AS as_of_us
    FROM (SELECT unnest(string_split($1, chr(30))) AS x)
),
unsettled AS (
    SELECT c.org, c.case_ref
    FROM evaluated_cases c JOIN as_of a ON a.org = c.org
    WHERE epoch_us(c.first_event_at) <= a.as_of_us
      AND (c.settled_from IS NULL OR epoch_us(c.settled_from) > a.as_of_us)
)
SELECT e.org, e.case_ref, e.event_type, epoch_us(e.occurred_at), epoch_us(e.due_at), e.team
FROM events e SEMI JOIN unsettled u ON e.org = u.org AND e.case_ref = u.case_ref
ORDER BY e.org, e.case_ref, e.occurred_at, e.file_id, e.line
