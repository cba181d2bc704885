-- Prepared before the pack queries (after _verdicts): stage_contributors, per organisation and
-- stage, the breaches stopped in the month by team, category and channel (team and category as in
-- _instance_facts.sql), for the covers' "largest contributors".
-- Parameters: $1 the month, 'YYYY-MM'.
CREATE OR REPLACE TEMP TABLE stage_contributors AS
WITH breaches AS (
    SELECT org, stage, coalesce(team, '(no team)') AS team, coalesce(category, '(no category)') AS category,
           coalesce(channel, '(no channel)') AS channel
    FROM instance_facts
    WHERE status = 'breached' AND stop_month = $1
)
SELECT org, stage, 'team' AS dimension, team AS value, count(*) AS breaches FROM breaches GROUP BY ALL
UNION ALL
SELECT org, stage, 'category', category, count(*) FROM breaches GROUP BY ALL
UNION ALL
SELECT org, stage, 'channel', channel, count(*) FROM breaches GROUP BY ALL;
