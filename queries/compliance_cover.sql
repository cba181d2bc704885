-- Compliance pack, Cover: on one page, the firm, the month, the as-of and the data coverage
-- (_coverage_cover.sql), then the verdict: how many stages met their target, the change on the
-- month before over all stages, and for each stage below target (judge(): Amber or Red) its figures,
-- its largest contributors (team, category, channel) and one plain sentence; then the open
-- instances past their limit. A month with no data gives no verdict. Every sentence is in the firm's
-- language: tr(), num() and pct() (ReportContext; docs/packs.md, "Languages").
-- Parameters: none.
WITH v AS (
    SELECT s.*, c.status AS coverage,
           month_name(s.org, CAST((SELECT month FROM report_params) || '-01' AS DATE) - INTERVAL 1 MONTH) AS previous_month
    FROM stage_verdicts s JOIN coverage c ON c.org = s.org
),
totals AS (
    SELECT org, any_value(coverage) AS coverage, any_value(previous_month) AS previous_month,
           count(*) FILTER (WHERE rag = 'Green') AS green,
           count(*) FILTER (WHERE rag IN ('Green', 'Amber', 'Red')) AS judged,
           count(*) FILTER (WHERE rag = 'Too few cases') AS too_few,
           count(*) AS stages,
           string_agg(stage, ', ' ORDER BY position) FILTER (WHERE rag IN ('Amber', 'Red')) AS below,
           sum(closed) AS closed, sum(met) AS met, sum(previous_closed) AS previous_closed,
           sum(open_breached) AS open_breached
    FROM v GROUP BY org
),
previous AS (
    SELECT org, sum(coalesce(previous_attainment, 0) * previous_closed) AS previous_met FROM v GROUP BY org
),
top AS (
    -- The value with most breaches; of equals, the first by name, so the cover reads the same every time.
    SELECT org, stage, dimension, value, breaches
    FROM stage_contributors
    QUALIFY row_number() OVER (PARTITION BY org, stage, dimension ORDER BY breaches DESC, value) = 1
)
SELECT org, position, item, text FROM cover_common
UNION ALL
SELECT t.org, 10, tr(t.org, 'value:Verdict'),
       CASE WHEN t.coverage = 'none' THEN tr(t.org, 'cover.verdict.no_data')
            WHEN t.judged = 0 THEN format(tr(t.org, 'cover.verdict.none_judged'), (SELECT min_cases FROM report_params))
            WHEN t.below IS NULL THEN format(tr(t.org, 'cover.verdict.judged'), t.green, t.judged)
            ELSE format(tr(t.org, 'cover.verdict.judged_below'), t.green, t.judged, t.below)
       END
       || CASE WHEN t.too_few > 0 AND t.judged > 0 AND t.coverage <> 'none' THEN ' ' || format(tr(t.org, 'cover.verdict.too_few'), t.too_few) ELSE '' END
FROM totals t
UNION ALL
SELECT t.org, 11, tr(t.org, 'value:Change on last month'),
       CASE WHEN t.closed = 0 AND t.previous_closed = 0 THEN format(tr(t.org, 'cover.change.nothing_both'), t.previous_month)
            WHEN t.closed = 0 THEN format(tr(t.org, 'cover.change.nothing_now'), t.previous_month, pct(t.org, p.previous_met / t.previous_closed, 1), t.previous_closed)
            WHEN t.previous_closed = 0 THEN format(tr(t.org, 'cover.change.nothing_before'), pct(t.org, t.met / t.closed, 1), t.closed, t.previous_month)
            ELSE format(tr(t.org, CASE WHEN 1.0 * t.met / t.closed >= 1.0 * p.previous_met / t.previous_closed THEN 'cover.change.up' ELSE 'cover.change.down' END),
                        pct(t.org, t.met / t.closed, 1), t.closed, t.previous_month, pct(t.org, p.previous_met / t.previous_closed, 1), t.previous_closed,
                        num(t.org, abs(100.0 * t.met / t.closed - 100.0 * p.previous_met / t.previous_closed), 1))
       END
FROM totals t JOIN previous p ON p.org = t.org
WHERE t.coverage <> 'none'
UNION ALL
SELECT v.org, 20 + v.position, v.stage || ' (' || tr(v.org, 'value:' || v.rag) || ')',
       format(tr(v.org, 'cover.stage.figures'), pct(v.org, v.attainment, 1), v.closed, v.stage_limit, pct(v.org, v.target, 0))
       || CASE WHEN v.previous_attainment IS NULL THEN '' ELSE '; ' || v.previous_month || ' ' || pct(v.org, v.previous_attainment, 1) END
       || format(tr(v.org, 'cover.stage.contributors'), v.breached, coalesce(tt.value, '?'), coalesce(tt.breaches, 0), coalesce(tc.value, '?'),
                 coalesce(tc.breaches, 0), coalesce(th.value, '?'), coalesce(th.breaches, 0))
       || ' ' || CASE WHEN tt.breaches * 2 > v.breached THEN format(tr(v.org, 'cover.stage.plain_team'), v.breached, v.closed, lower(v.stage), tt.value)
                      ELSE format(tr(v.org, 'cover.stage.plain_spread'), v.breached, v.closed, lower(v.stage)) END
FROM v
LEFT JOIN top tt ON tt.org = v.org AND tt.stage = v.stage_id AND tt.dimension = 'team'
LEFT JOIN top tc ON tc.org = v.org AND tc.stage = v.stage_id AND tc.dimension = 'category'
LEFT JOIN top th ON th.org = v.org AND th.stage = v.stage_id AND th.dimension = 'channel'
WHERE v.rag IN ('Amber', 'Red') AND v.coverage <> 'none'
UNION ALL
SELECT t.org, 90, tr(t.org, 'value:Open past limit'),
       CASE WHEN t.coverage = 'none' THEN tr(t.org, 'cover.open.no_data')
            WHEN t.coverage = 'full' THEN format(tr(t.org, 'cover.open.full'), t.open_breached)
            ELSE format(tr(t.org, 'cover.open.cut_short'), t.open_breached) END
FROM totals t
UNION ALL
SELECT t.org, 95, tr(t.org, 'value:Due soon'),
       CASE WHEN t.coverage <> 'full' THEN tr(t.org, 'cover.due_soon.not_assessed')
            ELSE format(tr(t.org, 'cover.due_soon'), (SELECT count(*) FROM upcoming u WHERE u.org = t.org), (SELECT due_soon_days FROM report_params)) END
FROM totals t
UNION ALL
SELECT o.org, 99, tr(o.org, 'value:Made'), format(tr(o.org, 'cover.made'), long_local(o.org, generated_at AT TIME ZONE 'UTC'), software_version)
FROM report_run, policy_orgs o
ORDER BY org NULLS LAST, position;
