ATTACH IF NOT EXISTS ':memory:' AS ingest_work
