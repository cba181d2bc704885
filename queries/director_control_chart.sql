-- Director pack, Control charts: the p-charts prepared in _stage_months_control.sql (p = breached /
-- stopped in the month, centre line the twelve months' pooled rate over months with data, limits
-- p̄ ± 3·sqrt(p̄(1 − p̄)/n) cut at 0 and 1), one per organisation and stage; signal_p repeats the
-- points outside the limits so the chart draws them red. An action of the actions folder whose
-- scope includes the stage (its stage, or no stage given) marks the month of its date:
-- action_marker is 1 (the top of the chart, drawn as a vertical bar) and actions names them.
-- target: the stage's target for the month (stage_target(), the version in force on its first day),
-- the dashed line of the board picture.
-- Parameters: none (report_months holds the twelve months).
WITH marked AS (
    SELECT c.org, c.stage_id, c.month, string_agg(a.action_id, ', ' ORDER BY a.action_date, a.action_id) AS actions
    FROM control_chart c
    JOIN actions a ON a.org = c.org AND (a.stage IS NULL OR a.stage = c.stage_id) AND strftime(a.action_date, '%Y-%m') = c.month
    GROUP BY c.org, c.stage_id, c.month
)
SELECT c.* EXCLUDE (position, stage_id),
       CASE WHEN k.actions IS NOT NULL THEN 1.0 END AS action_marker,
       coalesce(k.actions, '') AS actions,
       stage_target(c.org, c.stage_id, c.month) AS target
FROM control_chart c
LEFT JOIN marked k ON k.org = c.org AND k.stage_id = c.stage_id AND k.month = c.month
ORDER BY c.org, c.position, c.month;
