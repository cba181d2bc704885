-- Compliance pack, Data quality: what the figures could not use, over every input ingested so
-- far: rejected rows by reason code (contract §1), duplicate rows, rows ignored by a mapping
-- profile (unmapped event types), quarantined files, and from the clocks at the month's as-of:
-- stop events with no open stage (orphan stops) and extensions notified after the breach (late
-- extensions), per stage. Each count traces to rows: rejected and duplicate rows keep their file
-- and line (audit pack), the clocks' findings their stage.
-- Parameters: none.
SELECT * FROM (
    SELECT coalesce(r.org, '(no org)') AS org, 'rejected row' AS finding, r.reason AS detail, count(*) AS rows
    FROM rejected_rows r GROUP BY ALL
    UNION ALL
    SELECT coalesce(d.org, '(no org)'), 'duplicate row', 'same identity as a loaded event', count(*)
    FROM duplicate_rows d GROUP BY ALL
    UNION ALL
    SELECT '(file level)', 'ignored row', 'unmapped event type in ' || f.file_name, f.rows_ignored
    FROM ingest_files f WHERE f.rows_ignored > 0
    UNION ALL
    SELECT '(file level)', 'quarantined file', f.file_name || ': ' || coalesce(f.message, 'unreadable'), 1
    FROM ingest_files f WHERE f.status = 'quarantined'
    UNION ALL
    SELECT g.org, 'orphan stop', g.stage, g.orphan_stops
    FROM eval_diagnostics g WHERE g.orphan_stops > 0
    UNION ALL
    SELECT g.org, 'late extension', g.stage, g.late_extensions
    FROM eval_diagnostics g WHERE g.late_extensions > 0
)
ORDER BY org, finding, detail;
