-- Prepared before the pack queries. file_orgs: which organisation's packs each input file belongs
-- in, so that a firm's audit pack lists its own files only (docs/packs.md, "One pack set per
-- organisation"). A file belongs to every organisation of a policy whose rows it carried (loaded,
-- duplicate or rejected with that org); a file with no such row (quarantined as a whole, or every
-- row without a known org) belongs to the organisation its name starts with (`halo-…`), else to
-- none: it then appears in no firm's pack, only in the cross-firm pack when one is configured.
-- Parameters: none.
CREATE OR REPLACE TEMP TABLE file_orgs AS
WITH carried AS (
    SELECT DISTINCT file_id, org FROM events
    UNION
    SELECT DISTINCT file_id, org FROM rejected_rows WHERE org IN (SELECT org FROM policy_orgs)
    UNION
    SELECT DISTINCT file_id, org FROM duplicate_rows WHERE org IN (SELECT org FROM policy_orgs)
),
named AS (
    SELECT f.file_id, o.org
    FROM ingest_files f
    JOIN policy_orgs o ON lower(f.file_name) LIKE o.org || '-%' OR lower(f.file_name) LIKE o.org || '_%' OR lower(f.file_name) LIKE o.org || '.%'
    WHERE f.file_id NOT IN (SELECT file_id FROM carried)
)
SELECT f.file_id, coalesce(c.org, n.org, '(no organisation)') AS org
FROM ingest_files f
LEFT JOIN carried c ON c.file_id = f.file_id
LEFT JOIN named n ON n.file_id = f.file_id;
