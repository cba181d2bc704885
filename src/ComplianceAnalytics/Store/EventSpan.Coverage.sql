SELECT min(occurred_at) < $2, max(occurred_at) < $3 FROM events WHERE org = $1
