SELECT count(*), coalesce(max(file_id), 0) FROM events WHERE occurred_at < $1
