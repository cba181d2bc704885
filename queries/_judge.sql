-- Prepared before the pack queries. judge(attainment, closed, target): the one red/amber/green rule
-- of every pack and sheet (Summary, SLA by stage, Heatmap, the covers), so a colour means the same
-- everywhere (docs/packs.md, "One way to colour and judge"):
--   'No cases'        nothing stopped;
--   'Too few cases'   fewer stopped instances than Compliance:MinCases (report_params.min_cases):
--                     grey, because one late case of three is not a pattern;
--   'Green'           attainment at or above the stage's target;
--   'Amber'           below the target by less than 15 points (95% target: 80% to 95%);
--   'Red'             further below.
-- stage_target(org, stage, month): the target a month is judged against: the version of the stage's
-- target (policy_targets) in force on the month's first local day (issue 13: a month is judged by one
-- target, known when the month begins), else Compliance:DefaultTarget
-- (report_params.default_target) — a stage with no target, or a month before its first version
-- (docs/policies.md, "Dated targets").
-- Parameters: none.
CREATE OR REPLACE TEMP MACRO judge(attainment, closed, target) AS
    CASE WHEN closed IS NULL OR closed = 0 OR attainment IS NULL THEN 'No cases'
         WHEN closed < (SELECT min_cases FROM report_params) THEN 'Too few cases'
         WHEN attainment >= target - 1e-9 THEN 'Green'
         WHEN attainment >= target - 0.15 - 1e-9 THEN 'Amber'
         ELSE 'Red' END;

CREATE OR REPLACE TEMP MACRO stage_target(org_id, stage_id, month_text) AS
    coalesce((SELECT t.target FROM policy_targets t
              WHERE t.org = org_id AND t.stage = stage_id
                AND (t.from_date IS NULL OR t.from_date <= CAST(month_text || '-01' AS DATE))
                AND (t.until_date IS NULL OR t.until_date >= CAST(month_text || '-01' AS DATE))),
             (SELECT default_target FROM report_params));
