-- durations.csv (contract §5, §6): per organisation and measure, the month's durations in days
-- (n, mean, median, p90, max; empty statistics when n = 0), from month_durations (_durations.sql).
-- Parameters: none.
SELECT org, measure, month, n, mean, median, p90, max
FROM month_durations
ORDER BY org, position;
