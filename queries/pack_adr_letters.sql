-- Compliance pack, ADR letters: adr_letters.sql (contract §5) as one firm's month should read when
-- its data stops before the month's end (coverage): a case whose eligibility period ends after the
-- last event is not counted as needing a letter, nor its letter as missing, because only the
-- silence after the last file would say so. With full coverage the figures are adr_letters.csv's.
-- Parameters: $1 the month, 'YYYY-MM'.
SELECT o.org_name, a.org, m.month,
       count(*) FILTER (WHERE a.needs_letter) AS cases_needing_letter,
       count(*) FILTER (WHERE a.letter_missing) AS letters_missing
FROM eval_adr_letters a
JOIN report_months m ON m.org = a.org AND a.due_at >= m.start_at AND a.due_at < m.end_at
JOIN coverage v ON v.org = a.org AND (v.status = 'full' OR a.due_at < v.covered_to)
JOIN policy_orgs o ON o.org = a.org
WHERE m.month = $1
GROUP BY o.org_name, a.org, m.month
ORDER BY a.org;
