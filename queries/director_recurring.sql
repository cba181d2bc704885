-- Director pack, Recurring failures: the combinations of organisation, stage, team and category
-- that breached in at least 3 of the last 6 months (prepared in _recurring.sql, which the
-- director's cover reads too).
-- Parameters: none.
SELECT * FROM recurring ORDER BY org, rank;
