-- Director pack, Cover: the firm, month, as-of and coverage (_coverage_cover.sql), then what a
-- director acts on first: the recurring failures (stage, team and category breaching in 3 of the
-- last 6 months, _recurring.sql) and this month's out-of-control signals (_stage_months_control.sql),
-- then the stages' verdict as on the compliance cover.
-- Parameters: none.
WITH rec AS (
    SELECT org, count(*) AS n,
           string_agg(stage || ' / ' || team || ' / ' || category || ' (' || months_with_breaches || ' of 6 months)', '; ' ORDER BY rank)
               FILTER (WHERE rank <= 3) AS first_three
    FROM recurring GROUP BY org
),
sig AS (
    SELECT org, string_agg(stage || ': breach rate ' || printf('%.1f%%', 100 * p) || ' of ' || n || ', ' || signal, '; ' ORDER BY stage) AS signals
    FROM control_chart
    WHERE month = (SELECT month FROM report_params) AND signal <> ''
    GROUP BY org
),
verdict AS (
    SELECT org, count(*) FILTER (WHERE rag = 'Green') AS green, count(*) FILTER (WHERE rag IN ('Green', 'Amber', 'Red')) AS judged,
           string_agg(stage || ' ' || printf('%.1f%%', 100 * attainment) || ' of ' || closed, ', ' ORDER BY position) FILTER (WHERE rag IN ('Amber', 'Red')) AS below
    FROM stage_verdicts GROUP BY org
)
SELECT org, position, item, text FROM cover_common
UNION ALL
SELECT o.org, 10, 'Recurring failures',
       CASE WHEN coalesce(r.n, 0) = 0 THEN 'None: no stage, team and category breached in 3 of the last 6 months.'
            ELSE r.n || ' combination(s) of stage, team and category breached in 3 or more of the last 6 months; first: ' || r.first_three || '.' END
FROM policy_orgs o LEFT JOIN rec r ON r.org = o.org
UNION ALL
SELECT o.org, 11, 'Out-of-control signals',
       CASE WHEN c.status = 'none' THEN 'Not assessed: no data for this month.'
            ELSE coalesce('This month: ' || s.signals || ' (Control charts, red points).', 'None this month: every stage''s breach rate is within its control limits.') END
FROM policy_orgs o JOIN coverage c ON c.org = o.org LEFT JOIN sig s ON s.org = o.org
UNION ALL
SELECT v.org, 12, 'Verdict',
       CASE WHEN c.status = 'none' THEN 'No verdict: there is no data for this month.'
            WHEN v.judged = 0 THEN 'No stage stopped enough instances to be judged.'
            ELSE v.green || ' of ' || v.judged || ' stages judged met their target' || coalesce('; below target: ' || v.below, '') || '.' END
FROM verdict v JOIN coverage c ON c.org = v.org
UNION ALL
SELECT NULL, 99, 'Made', strftime(generated_at AT TIME ZONE 'UTC', '%-d %B %Y %H:%M') || ' UTC by ' || software_version || '.' FROM report_run
ORDER BY org NULLS LAST, position;
