-- Director pack, Control charts: the p-charts prepared in _stage_months_control.sql, one per
-- organisation and stage; signal_p repeats the points outside the limits so the chart draws them red.
-- Parameters: none.
SELECT * EXCLUDE (position) FROM control_chart ORDER BY org, position, month;
