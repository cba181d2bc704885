INSERT INTO events (org, case_ref, event_type, occurred_at, event_id, channel, category, team, customer_type,
                    outcome, redress_amount, due_at, adr_body, product, root_cause, vulnerable, legal_entity,
                    customer_key, file_id, line, identity)
SELECT org, case_ref, event_type, occurred_at, event_id, channel, category, team, customer_type,
       outcome, redress_amount, due_at, adr_body, product, root_cause, vulnerable, legal_entity,
       customer_key, $1, line, identity
FROM {rows} r ANTI JOIN ingest_known k ON k.line = r.line
