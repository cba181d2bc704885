INSERT OR REPLACE INTO published_returns (period, fingerprint, run_id, published_at, outputs) VALUES ($1, $2, $3, $4, $5)
