-- Compliance pack, Durations: durations.csv's rows (month_durations, _durations.sql) with the number
-- of cases in words for the chart's axis, so that a measure with no cases in the month reads
-- "no cases" under an empty slot rather than looking like a zero-day duration (docs/packs.md); in the
-- firm's language (tr), as the chart's other words.
-- Parameters: none.
SELECT org, measure, month, n, mean, median, p90, max,
       CASE WHEN n = 0 THEN tr(org, 'durations.no_cases') WHEN n = 1 THEN tr(org, 'durations.one_case')
            ELSE format(tr(org, 'durations.cases'), n) END AS cases
FROM month_durations
ORDER BY org, position;
