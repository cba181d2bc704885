-- The return workbooks' data coverage (docs/complaints-return.md), by the monthly packs' rule
-- (queries/_coverage.sql): an organisation with events before the period's end whose last event
-- falls more than 4 days before that end has data that stops short of the period; data_ends_at is
-- then its last event, else empty. Not read by the contract's CSV files (§7 counts what is there).
-- Parameters: none.
SELECT p.org,
       CASE WHEN min(e.occurred_at) < p.end_at AND max(e.occurred_at) < p.end_at - INTERVAL 4 DAY
            THEN max(e.occurred_at) END AS data_ends_at
FROM return_periods p
LEFT JOIN events e ON e.org = p.org
GROUP BY p.org, p.end_at
ORDER BY p.org;
