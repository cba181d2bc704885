-- Director pack, Cover: the firm, month, as-of and coverage (_coverage_cover.sql), then what a
-- director acts on first: the recurring failures (stage, team and category breaching in 3 of the
-- last 6 months, _recurring.sql) and this month's out-of-control signals (_stage_months_control.sql),
-- then the stages' verdict as on the compliance cover; in the firm's language (docs/packs.md, "Languages").
-- Parameters: none.
WITH rec AS (
    SELECT org, count(*) AS n,
           string_agg(stage || ' / ' || team || ' / ' || category || ' (' || format(tr(org, 'cover.recurring.months'), months_with_breaches) || ')', '; ' ORDER BY rank)
               FILTER (WHERE rank <= 3) AS first_three
    FROM recurring GROUP BY org
),
sig AS (
    SELECT org, string_agg(format(tr(org, 'cover.signals.stage'), stage, pct(org, p, 1), n, signal), '; ' ORDER BY stage) AS signals
    FROM control_chart
    WHERE month = (SELECT month FROM report_params) AND signal <> ''
    GROUP BY org
),
verdict AS (
    SELECT org, count(*) FILTER (WHERE rag = 'Green') AS green, count(*) FILTER (WHERE rag IN ('Green', 'Amber', 'Red')) AS judged,
           string_agg(format(tr(org, 'cover.verdict.stage'), stage, pct(org, attainment, 1), closed), ', ' ORDER BY position) FILTER (WHERE rag IN ('Amber', 'Red')) AS below
    FROM stage_verdicts GROUP BY org
)
SELECT org, position, item, text FROM cover_common
UNION ALL
SELECT o.org, 10, tr(o.org, 'value:Recurring failures'),
       CASE WHEN coalesce(r.n, 0) = 0 THEN tr(o.org, 'cover.recurring.none')
            ELSE format(tr(o.org, 'cover.recurring.some'), r.n, r.first_three) END
FROM policy_orgs o LEFT JOIN rec r ON r.org = o.org
UNION ALL
SELECT o.org, 11, tr(o.org, 'value:Out-of-control signals'),
       CASE WHEN c.status = 'none' THEN tr(o.org, 'cover.open.no_data')
            WHEN s.signals IS NULL THEN tr(o.org, 'cover.signals.none')
            ELSE format(tr(o.org, 'cover.signals.some'), s.signals) END
FROM policy_orgs o JOIN coverage c ON c.org = o.org LEFT JOIN sig s ON s.org = o.org
UNION ALL
SELECT v.org, 12, tr(v.org, 'value:Verdict'),
       CASE WHEN c.status = 'none' THEN tr(v.org, 'cover.verdict.no_data')
            WHEN v.judged = 0 THEN tr(v.org, 'cover.verdict.none_judged_short')
            WHEN v.below IS NULL THEN format(tr(v.org, 'cover.verdict.judged'), v.green, v.judged)
            ELSE format(tr(v.org, 'cover.verdict.judged_below'), v.green, v.judged, v.below) END
FROM verdict v JOIN coverage c ON c.org = v.org
UNION ALL
SELECT o.org, 99, tr(o.org, 'value:Made'), format(tr(o.org, 'cover.made'), long_local(o.org, generated_at AT TIME ZONE 'UTC'), software_version)
FROM report_run, policy_orgs o
ORDER BY org NULLS LAST, position;
