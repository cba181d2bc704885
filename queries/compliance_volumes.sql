-- Compliance pack, Volumes: complaints received in the month (complaint_received events, months
-- in the organisation's zone), once by the channel the case came in on and once by what it is
-- about (its category), each as first given on the case; the responses issued in the month, how
-- many upheld (upheld or partially_upheld, over the responses that give an outcome) and the redress
-- on those responses, in the policy's currency.
-- Parameters: $1 the month, 'YYYY-MM'.
WITH month_events AS (
    SELECT e.org, e.event_type, e.outcome, e.redress_amount,
           coalesce(c.channel, '(not given)') AS channel,
           coalesce(c.category, '(not given)') AS category
    FROM events e
    JOIN report_months m ON m.org = e.org AND m.month = $1 AND e.occurred_at >= m.start_at AND e.occurred_at < m.end_at
    LEFT JOIN case_facts c ON c.org = e.org AND c.case_ref = e.case_ref
    WHERE e.event_type IN ('complaint_received', 'response_issued')
),
counted AS (
    SELECT org,
           CASE WHEN grouping(channel) = 0 THEN 'channel' ELSE 'category' END AS dimension,
           coalesce(channel, category) AS value,
           count(*) FILTER (WHERE event_type = 'complaint_received') AS received,
           count(*) FILTER (WHERE event_type = 'response_issued') AS responses,
           count(*) FILTER (WHERE event_type = 'response_issued' AND outcome IN ('upheld', 'partially_upheld')) AS upheld,
           count(*) FILTER (WHERE event_type = 'response_issued' AND outcome IS NOT NULL) AS with_outcome,
           coalesce(sum(redress_amount) FILTER (WHERE event_type = 'response_issued'), 0) AS redress
    FROM month_events
    GROUP BY GROUPING SETS ((org, channel), (org, category))
)
SELECT o.org_name, c.org, c.dimension, c.value, c.received, c.responses, c.upheld,
       CASE WHEN c.with_outcome > 0 THEN c.upheld / c.with_outcome END AS upheld_rate,
       c.redress, o.currency
FROM counted c
JOIN policy_orgs o ON o.org = c.org
ORDER BY c.org, c.dimension DESC, c.value;
