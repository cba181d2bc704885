-- Prepared before the pack queries (it sorts after _coverage, which it reads): cover_common, the
-- first lines of every pack's cover, per organisation: the firm's name, the month in words and as
-- YYYY-MM, the as-of, and the data coverage in one sentence (docs/packs.md, "Cover sheet"), each in
-- the firm's language (tr(), long_local() and month_year(): ReportContext, docs/packs.md "Languages").
-- Parameters: $1 the month, 'YYYY-MM'.
CREATE OR REPLACE TEMP TABLE cover_common AS
WITH c AS (
    SELECT v.*, o.org_name, o.time_zone,
           long_local(v.org, local_time(o.org, v.last_event)) AS last_local,
           long_local(v.org, local_time(o.org, v.month_end)) AS as_of_local
    FROM coverage v JOIN policy_orgs o ON o.org = v.org
)
SELECT org, 1 AS position, tr(org, 'value:Organisation') AS item, org_name AS text FROM c
UNION ALL
SELECT org, 2, tr(org, 'value:Month'), month_year(org, CAST($1 || '-01' AS DATE)) || ' (' || $1 || ')' FROM c
UNION ALL
SELECT org, 3, tr(org, 'value:As of'), format(tr(org, 'cover.as_of'), as_of_local, time_zone)
FROM c
UNION ALL
SELECT org, 4, tr(org, 'value:Data coverage'),
       CASE status
           WHEN 'full' THEN format(tr(org, 'cover.coverage.full'), last_local, coalesce(last_file, '?'))
           WHEN 'cut_short' THEN format(tr(org, 'cover.coverage.cut_short'), last_local, coalesce(last_file, '?'))
           ELSE CASE WHEN last_event IS NULL THEN tr(org, 'cover.coverage.never')
                     ELSE format(tr(org, 'cover.coverage.none'), last_local, coalesce(last_file, '?')) END
       END
FROM c;
