-- Prepared before the pack queries. coverage: each organisation's data span and what it means for
-- the report month (docs/packs.md, "Data coverage"): the first and last event in the store, the
-- last input file that carried its rows (and when it was ingested), and
--   status        'full' when events reach the month's last 4 days (a month ending on a weekend and
--                 a bank holiday has no events in its last days, and is not cut short for that),
--                 'cut_short' when the last event falls earlier in the month, 'none' when it is
--                 before the month began (or there is no event at all);
--   covered_to    the instant up to which the month is covered: the month's end when full, else
--                 the last event. Nothing due after it is a finding in the workbooks ("as at D").
-- The contract's CSV files do not read this table: they are evaluated at the month's end (§5).
-- Parameters: $1 the month, 'YYYY-MM'.
CREATE OR REPLACE TEMP TABLE coverage AS
WITH span AS (
    SELECT org, min(occurred_at) AS first_event, max(occurred_at) AS last_event, max(file_id) AS last_file_id
    FROM events GROUP BY org
),
m AS (SELECT org, start_at, end_at FROM report_months WHERE month = $1)
SELECT o.org, s.first_event, s.last_event, f.file_name AS last_file, f.ingested_at AS last_file_at,
       m.start_at AS month_start, m.end_at AS month_end,
       CASE WHEN s.last_event IS NULL OR s.last_event < m.start_at THEN 'none'
            WHEN s.last_event < m.end_at - INTERVAL 4 DAY THEN 'cut_short'
            ELSE 'full' END AS status,
       CASE WHEN s.last_event IS NULL THEN m.start_at
            WHEN s.last_event < m.end_at - INTERVAL 4 DAY THEN s.last_event
            ELSE m.end_at END AS covered_to
FROM policy_orgs o
JOIN m ON m.org = o.org
LEFT JOIN span s ON s.org = o.org
LEFT JOIN ingest_files f ON f.file_id = s.last_file_id;
