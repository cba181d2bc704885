-- Prepared before the pack queries (it sorts after _coverage, which it reads): cover_common, the
-- first lines of every pack's cover, per organisation: the firm's name, the month in words and as
-- YYYY-MM, the as-of, and the data coverage in one sentence (docs/packs.md, "Cover sheet").
-- Parameters: $1 the month, 'YYYY-MM'.
CREATE OR REPLACE TEMP TABLE cover_common AS
WITH c AS (
    SELECT v.*, o.org_name, o.time_zone,
           strftime(timezone(o.time_zone, v.last_event), '%-d %B %Y %H:%M') AS last_local,
           strftime(timezone(o.time_zone, v.month_end), '%-d %B %Y %H:%M') AS as_of_local
    FROM coverage v JOIN policy_orgs o ON o.org = v.org
)
SELECT org, 1 AS position, 'Organisation' AS item, org_name AS text FROM c
UNION ALL
SELECT org, 2, 'Month', strftime(CAST($1 || '-01' AS DATE), '%B %Y') || ' (' || $1 || ')' FROM c
UNION ALL
SELECT org, 3, 'As of',
       'Figures evaluated at ' || as_of_local || ' (' || time_zone || '), the first instant after the month.'
FROM c
UNION ALL
SELECT org, 4, 'Data coverage',
       CASE status
           WHEN 'full' THEN 'Complete for the month: events were received to its end and beyond (latest event ' || last_local || ', last file ' || coalesce(last_file, '?') || ').'
           WHEN 'cut_short' THEN 'Incomplete: no data received after ' || last_local || ' (last file ' || coalesce(last_file, '?')
               || '). Figures are as at ' || last_local || '; nothing due after it is counted as a breach, a backlog past its limit or a missing ADR letter.'
           ELSE CASE WHEN last_event IS NULL THEN 'No data: no export of this organisation has been received, so this month has no findings.'
                     ELSE 'No data received after ' || last_local || ' (last file ' || coalesce(last_file, '?')
                          || '): nothing in this month is presented as a finding, because only the silence after the last file would suggest one.' END
       END
FROM c;
