INSERT INTO events (org, case_ref, event_type, occurred_at, event_id, channel, category, team, customer_type,
                    outcome, redress_amount, due_at, adr_body, product, root_cause, vulnerable, legal_entity,
                    customer_key, file_id, line, identity)
SELECT s.org, s.case_ref, c.mapped_type, c.occurred_instant, s.event_id, s.channel, s.category, s.team, s.customer_type,
       s.outcome, try_cast(s.redress_amount AS DECIMAL(18, 2)), c.due_instant, s.adr_body, s.product, s.root_cause,
       lower(s.vulnerable) = 'true', s.legal_entity, k.customer_key, $1, c.line, c.identity
FROM {classified} c
ANTI JOIN ingest_known k0 ON k0.line = c.line
JOIN {staged} s ON s.line = c.line
LEFT JOIN {customer_keys} k
  ON k.email IS NOT DISTINCT FROM s.customer_email AND k.phone IS NOT DISTINCT FROM s.customer_phone
WHERE c.file_fate IS NULL
