-- Compliance pack, Counting rules: how every figure in the pack is counted, in plain words. The
-- exact rules are those of the acceptance contract (§4, §5) and docs/clock-decisions.md.
-- Parameters: none.
SELECT rule, explanation FROM (VALUES
    (1, 'Stage instance', 'A stage''s clock starts at one of its start events when no instance of that stage is open for the case, and stops at the first of its stop events after that. A case that goes round again (e.g. reopened) gets a second cycle, counted separately.'),
    (2, 'Events at the same moment', 'For one stage, events at the same instant are applied in the order start, pause, resume, extension, stop.'),
    (3, 'Due: hours', 'N hours after the start, to the second.'),
    (4, 'Due: days and weeks', 'The end of the local day N calendar days (7N for weeks) after the day the stage started, in the organisation''s time zone.'),
    (5, 'Due: business days', 'The end of the Nth working day after the day the stage started; that day itself never counts. Working days are the policy''s weekdays less its bank holidays (England and Wales, Scotland or Northern Ireland).'),
    (6, 'Pauses', 'While the organisation waits for the customer (pause and resume events) the deadline moves later: by the paused time for hour limits, by the counted days paused for day limits. A pause after the deadline has passed rescues nothing. A stage still paused at month end is open within time.'),
    (7, 'Extensions', 'A deadline extension notified before the deadline moves the deadline to the new date, if later; notified after the breach it is ignored and shown under data quality as a late extension. An extension during a pause first adds the pause so far to the deadline; only the pause after it moves the new date.'),
    (8, 'Met, met after extension, breached', 'Met: stopped by the original deadline (moved only by pauses). Met after extension: stopped after it but by the extended deadline. Breached: stopped after the deadline.'),
    (9, 'Reporting month', 'A calendar month in the organisation''s time zone. A stopped instance counts in the month it stopped in. Open instances are counted at the first instant of the next month, over the events before it: open within time, or open and already past the deadline.'),
    (10, 'Attainment', '(met + met after extension) / (met + met after extension + breached) over the instances that stopped in the month; empty when none stopped.'),
    (11, 'Durations', 'In days (seconds / 86,400), in the month the duration ended: escalation responses (each cycle), complaint to first deadlock letter, deadlock letter to the first ADR referral at or after it, ADR referral to the first decision at or after it. Median and 90th percentile interpolate linearly between ranks. Every measure has a row each month, empty when nothing ended.'),
    (12, 'ADR letters', 'When the ADR eligibility period has run from the first complaint_received without a response or closure, the customer needs to be told they can go to the ombudsman; the letter is missing if no deadlock letter was issued by then. Counted in the month the period ran out. The period is the one in force on the day the complaint was received (e.g. 8 weeks, then 6 weeks for complaints received from 8 April 2026 under Ofcom''s rules).'),
    (13, 'Customer windows', 'A customer request (e.g. asking for an escalation) counts when a triggering event came before it; it is late when it comes after the window counted from the latest triggering event before it. Both are counted in the month of the request.'),
    (14, 'Rules that change', 'When a procedure''s time limit changed on a date, each clock uses the limit in force on the day it started and keeps it; a clock started before a rule existed is not measured against it. The Method sheet lists the versions in force this month.'),
    (15, 'Inputs', 'Every input row is loaded, a duplicate of an event already loaded, rejected with a reason, or ignored by a mapping profile; the counts add up per file (Inputs sheet). Nothing personal is stored in the clear: customers are counted by a keyed pseudonym.')
) AS rules(position, rule, explanation)
ORDER BY position;
