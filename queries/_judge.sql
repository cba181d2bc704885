-- Prepared before the pack queries. judge(attainment, closed, target): the one red/amber/green rule
-- of every pack and sheet (Summary, SLA by stage, Heatmap, the covers), so a colour means the same
-- everywhere (docs/packs.md, "One way to colour and judge"):
--   'No cases'        nothing stopped;
--   'Too few cases'   fewer stopped instances than Compliance:MinCases (report_params.min_cases):
--                     grey, because one late case of three is not a pattern;
--   'Green'           attainment at or above the stage's target;
--   'Amber'           below the target by less than 15 points (95% target: 80% to 95%);
--   'Red'             further below.
-- Parameters: none.
CREATE OR REPLACE TEMP MACRO judge(attainment, closed, target) AS
    CASE WHEN closed IS NULL OR closed = 0 OR attainment IS NULL THEN 'No cases'
         WHEN closed < (SELECT min_cases FROM report_params) THEN 'Too few cases'
         WHEN attainment >= target - 1e-9 THEN 'Green'
         WHEN attainment >= target - 0.15 - 1e-9 THEN 'Amber'
         ELSE 'Red' END;
