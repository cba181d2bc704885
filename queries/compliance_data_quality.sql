-- Compliance pack, Data quality: what the figures could not use, over every input ingested so
-- far: rejected rows by reason code (contract §1), duplicate rows, rows ignored by a mapping
-- profile (unmapped event types), quarantined files, and from the clocks at the month's as-of:
-- stop events with no open stage (orphan stops) and extensions notified after the breach (late
-- extensions), per stage. Each count traces to rows: rejected and duplicate rows keep their file
-- and line (audit pack), the clocks' findings their stage. Composed details are in the firm's
-- language (tr()).
-- Parameters: none.
SELECT * FROM (
    -- A row with no organisation of the policies counts for the organisation of its file (file_orgs).
    SELECT fo.org, 'rejected row' AS finding, r.reason AS detail, count(*) AS rows
    FROM rejected_rows r
    JOIN file_orgs fo ON fo.file_id = r.file_id AND (fo.org = r.org OR r.org IS NULL OR r.org NOT IN (SELECT org FROM policy_orgs))
    GROUP BY ALL
    UNION ALL
    SELECT fo.org, 'duplicate row', 'same identity as a loaded event', count(*)
    FROM duplicate_rows d
    JOIN file_orgs fo ON fo.file_id = d.file_id AND (fo.org = d.org OR d.org IS NULL OR d.org NOT IN (SELECT org FROM policy_orgs))
    GROUP BY ALL
    UNION ALL
    -- A file of no policy's organisation (file_orgs: '(no organisation)') has no texts: English, as the group pack.
    SELECT fo.org, 'ignored row',
           CASE WHEN fo.org IN (SELECT org FROM policy_orgs) THEN format(tr(fo.org, 'quality.unmapped'), f.file_name) ELSE 'unmapped event type in ' || f.file_name END,
           f.rows_ignored
    FROM ingest_files f JOIN file_orgs fo ON fo.file_id = f.file_id WHERE f.rows_ignored > 0
    UNION ALL
    SELECT fo.org, 'quarantined file', f.file_name || ': ' || coalesce(f.message, CASE WHEN fo.org IN (SELECT org FROM policy_orgs) THEN tr(fo.org, 'quality.unreadable') ELSE 'unreadable' END), 1
    FROM ingest_files f JOIN file_orgs fo ON fo.file_id = f.file_id WHERE f.status = 'quarantined'
    UNION ALL
    -- The stage by its name in the policy (its id when the policy no longer has it).
    SELECT g.org, 'orphan stop', coalesce(s.stage_name, g.stage), g.orphan_stops
    FROM eval_diagnostics g LEFT JOIN policy_stages s ON s.org = g.org AND s.stage = g.stage WHERE g.orphan_stops > 0
    UNION ALL
    SELECT g.org, 'late extension', coalesce(s.stage_name, g.stage), g.late_extensions
    FROM eval_diagnostics g LEFT JOIN policy_stages s ON s.org = g.org AND s.stage = g.stage WHERE g.late_extensions > 0
)
ORDER BY org, finding, detail;
