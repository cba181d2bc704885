-- Each file's commit would otherwise checkpoint whenever the WAL passes DuckDB's default 16 MB, rewriting and
-- recompressing the events table's open row groups every few files; a larger threshold for the run checkpoints a
-- few times instead. Rows committed since the last checkpoint stay in memory, so the threshold also bounds what
-- this costs in memory.
SET checkpoint_threshold = '256MB';
-- A file's statements work on a few megabytes each, which DuckDB's thread pool splits into more coordination than
-- work; the run's parallelism is its staging connections beside the committing one (FileIngestor.IngestAll). One
-- DuckDB thread per statement measured faster and cheaper in CPU.
SET threads = 1
