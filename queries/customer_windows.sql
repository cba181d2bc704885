-- Customer windows (contract §5): a `to` event is a request of the window when it has one: a
-- `from` event strictly before it and a version of the limit in force on that event's local date
-- (the clocks record only those). It is late when it came after the window's due time counted
-- from the latest such `from` event; both counted in the month of the `to` event.
-- Parameters: $1 the month, 'YYYY-MM'.
SELECT r.org, r.window_id AS "window", m.month,
       count(*) AS requests,
       count(*) FILTER (WHERE r.late) AS late_requests
FROM eval_customer_requests r
JOIN report_months m ON m.org = r.org AND r.requested_at >= m.start_at AND r.requested_at < m.end_at
WHERE m.month = $1
GROUP BY r.org, r.window_id, m.month
ORDER BY r.org, r.window_id;
