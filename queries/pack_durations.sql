-- Compliance pack, Durations: durations.csv's rows (month_durations, _durations.sql) with the number
-- of cases in words for the chart's axis, so that a measure with no cases in the month reads
-- "no cases" under an empty slot rather than looking like a zero-day duration (docs/packs.md).
-- Parameters: none.
SELECT org, measure, month, n, mean, median, p90, max,
       CASE WHEN n = 0 THEN 'no cases' WHEN n = 1 THEN '1 case' ELSE n || ' cases' END AS cases
FROM month_durations
ORDER BY org, position;
