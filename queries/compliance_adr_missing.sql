-- Compliance pack, ADR letters missing: the cases counted in adr_letters.sql as needing a letter
-- whose letter is missing (no deadlock_letter_issued at or before the eligibility due time), so
-- each figure there can be traced to its cases, with the ADR trigger that applied to each: the
-- version of adr.eligible_after in force on the local date of the case's first complaint_received
-- (contract §3). Times in the organisation's local time.
-- A firm whose data stops before the month's end (coverage) lists only cases whose period ended
-- before its last event: a later one is missing only because nothing more was received.
-- Parameters: $1 the month, 'YYYY-MM'.
SELECT o.org_name, a.org, a.case_ref, local_time(o.org, c.received_at) AS received_local, a.eligible_after,
       local_time(o.org, a.due_at) AS eligible_from_local, c.category, c.team
FROM eval_adr_letters a
JOIN report_months m ON m.org = a.org AND a.due_at >= m.start_at AND a.due_at < m.end_at
JOIN policy_orgs o ON o.org = a.org
LEFT JOIN case_facts c ON c.org = a.org AND c.case_ref = a.case_ref
JOIN coverage v ON v.org = a.org AND (v.status = 'full' OR a.due_at < v.covered_to)
WHERE m.month = $1 AND a.letter_missing
ORDER BY a.org, a.due_at, a.case_ref;
