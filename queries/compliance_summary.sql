-- Compliance pack, Summary: headline attainment per organisation and stage for the month against
-- the stage's target, with the month before and the change in percentage points, the open
-- instances past their limit, and the verdict (rag) of the one rule every pack uses (judge(),
-- _judge.sql; grey below Compliance:MinCases stopped instances). Prepared in _verdicts.sql, which
-- the covers read too. Every stage of every policy has a row, so a stage with nothing to count
-- shows as such rather than vanishing.
-- Parameters: none.
SELECT org_name, org, stage, stage_limit, target, closed, met, breached, attainment, previous_attainment,
       change * 100 AS change_points, open_breached, rag
FROM stage_verdicts
ORDER BY org, position;
