-- Compliance pack, Cover: on one page, the firm, the month, the as-of and the data coverage
-- (_coverage_cover.sql), then the verdict: how many stages met their target, the change on the
-- month before over all stages, and for each stage below target (judge(): Amber or Red) its figures,
-- its largest contributors (team, category, channel) and one plain sentence; then the open
-- instances past their limit. A month with no data gives no verdict.
-- Parameters: none.
WITH v AS (
    SELECT s.*, c.status AS coverage,
           strftime(CAST((SELECT month FROM report_params) || '-01' AS DATE) - INTERVAL 1 MONTH, '%B') AS previous_month
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
SELECT t.org, 10, 'Verdict',
       CASE WHEN t.coverage = 'none' THEN 'No verdict: there is no data for this month.'
            WHEN t.judged = 0 THEN 'No stage stopped enough instances to be judged (' || (SELECT min_cases FROM report_params) || ' or more are needed).'
            ELSE t.green || ' of ' || t.judged || ' stages judged met their target'
                 || CASE WHEN t.below IS NULL THEN '.' ELSE '; below target: ' || t.below || '.' END
       END
       || CASE WHEN t.too_few > 0 AND t.judged > 0 AND t.coverage <> 'none' THEN ' ' || t.too_few || ' stage(s) had too few cases to judge (grey).' ELSE '' END
FROM totals t
UNION ALL
SELECT t.org, 11, 'Change on last month',
       CASE WHEN t.closed = 0 THEN 'Nothing stopped this month' ELSE 'All stages together: ' || printf('%.1f%%', 100.0 * t.met / t.closed) || ' of ' || t.closed || ' stopped met their limit' END
       || CASE WHEN t.previous_closed = 0 THEN '; nothing stopped in ' || t.previous_month || '.'
               ELSE ' (' || t.previous_month || ': ' || printf('%.1f%%', 100.0 * p.previous_met / t.previous_closed) || ' of ' || t.previous_closed || ')'
                    || CASE WHEN t.closed = 0 THEN '.'
                            ELSE ', ' || CASE WHEN 100.0 * t.met / t.closed >= 100.0 * p.previous_met / t.previous_closed THEN 'up ' ELSE 'down ' END
                                 || printf('%.1f', abs(100.0 * t.met / t.closed - 100.0 * p.previous_met / t.previous_closed)) || ' points.' END
          END
FROM totals t JOIN previous p ON p.org = t.org
WHERE t.coverage <> 'none'
UNION ALL
SELECT v.org, 20 + v.position, v.stage || ' (' || v.rag || ')',
       printf('%.1f%%', 100 * v.attainment) || ' of ' || v.closed || ' stopped met the limit of ' || v.stage_limit
       || ' (target ' || printf('%.0f%%', 100 * v.target) || ')'
       || CASE WHEN v.previous_attainment IS NULL THEN '' ELSE '; ' || v.previous_month || ' ' || printf('%.1f%%', 100 * v.previous_attainment) END
       || '. Largest contributors to the ' || v.breached || ' breaches: team ' || coalesce(tt.value, '?') || ' (' || coalesce(tt.breaches, 0) || '), category '
       || coalesce(tc.value, '?') || ' (' || coalesce(tc.breaches, 0) || '), channel ' || coalesce(th.value, '?') || ' (' || coalesce(th.breaches, 0) || '). '
       || 'In plain words: ' || v.breached || ' of ' || v.closed || ' ' || lower(v.stage) || ' instances ended after their limit, '
       || CASE WHEN tt.breaches * 2 > v.breached THEN 'most of them with ' || tt.value ELSE 'spread over several teams' END || '.'
FROM v
LEFT JOIN top tt ON tt.org = v.org AND tt.stage = v.stage_id AND tt.dimension = 'team'
LEFT JOIN top tc ON tc.org = v.org AND tc.stage = v.stage_id AND tc.dimension = 'category'
LEFT JOIN top th ON th.org = v.org AND th.stage = v.stage_id AND th.dimension = 'channel'
WHERE v.rag IN ('Amber', 'Red') AND v.coverage <> 'none'
UNION ALL
SELECT t.org, 90, 'Open past limit',
       CASE WHEN t.coverage = 'none' THEN 'Not assessed: no data for this month.'
            ELSE t.open_breached || ' stage instance(s) open past their limit '
                 || CASE WHEN t.coverage = 'full' THEN 'at the month''s end' ELSE 'as at the last event received' END
                 || ' (Breach register, Backlog).' END
FROM totals t
UNION ALL
SELECT t.org, 95, 'Due soon',
       CASE WHEN t.coverage <> 'full' THEN 'Not assessed: the data does not reach the month''s end.'
            ELSE (SELECT count(*) FROM upcoming u WHERE u.org = t.org) || ' stage instance(s) open and due within the next '
                 || (SELECT due_soon_days FROM report_params) || ' working day(s) after the month''s end (Due soon).' END
FROM totals t
UNION ALL
SELECT NULL, 99, 'Made', strftime(generated_at AT TIME ZONE 'UTC', '%-d %B %Y %H:%M') || ' UTC by ' || software_version || '.' FROM report_run
ORDER BY org NULLS LAST, position;
