WITH expired AS (
    SELECT org, case_ref, max(occurred_at) AS last_event_at, count(*) AS events
    FROM events GROUP BY org, case_ref HAVING max(occurred_at) < $1
)
SELECT e.org, e.case_ref, epoch_us(e.last_event_at), e.events,
       (SELECT count(*) FROM rejected_rows r WHERE r.org = e.org AND r.case_ref = e.case_ref),
       (SELECT count(*) FROM duplicate_rows d WHERE d.org = e.org AND d.case_ref = e.case_ref),
       (SELECT count(*) FROM case_stage_instances s WHERE s.org = e.org AND s.case_ref = e.case_ref)
FROM expired e
ORDER BY e.org, e.case_ref
