-- The events of every case, in the order a case is read.
SELECT e.org, e.case_ref, e.event_type, epoch_us(e.occurred_at), epoch_us(e.due_at), e.team
FROM events e
ORDER BY e.org, e.case_ref, e.occurred_at, e.file_id, e.line
