-- Compliance pack, Due soon: what needs doing next (prepared in _upcoming.sql): case reference,
-- stage, due time (local), the team holding the case and why it is due then (the evaluation's
-- sentence, as in the Breach register); no personal data.
-- Parameters: none (the month is read in _upcoming.sql).
SELECT org_name, org, case_ref, stage, stage_limit, started_local, due_local, working_days_left, team, category, why
FROM upcoming
ORDER BY org, due_at, position, case_ref, cycle;
