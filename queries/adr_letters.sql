-- ADR letters (contract §5), for organisations whose policy has an adr rule: a case needs a
-- letter when, at its eligibility due time, it has no response_issued and no closed event;
-- the letter is missing when it also has no deadlock_letter_issued by then. Counted in the
-- month in which the due time falls; a row appears for each such organisation with at least
-- one case whose due time falls in the month.
-- Parameters: $1 the month, 'YYYY-MM'.
SELECT a.org, m.month,
       count(*) FILTER (WHERE a.needs_letter) AS cases_needing_letter,
       count(*) FILTER (WHERE a.letter_missing) AS letters_missing
FROM eval_adr_letters a
JOIN report_months m ON m.org = a.org AND a.due_at >= m.start_at AND a.due_at < m.end_at
WHERE m.month = $1
GROUP BY a.org, m.month
ORDER BY a.org;
