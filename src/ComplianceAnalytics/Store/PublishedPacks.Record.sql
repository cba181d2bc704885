INSERT OR REPLACE INTO published_packs (month, fingerprint, run_id, published_at, outputs, policy_rules) VALUES ($1, $2, $3, $4, $5, $6)
