-- The store's tables. Every statement is idempotent: the schema is applied on every open.
-- Instants are TIMESTAMPTZ (UTC, microseconds). Nothing personal is stored in the clear:
-- customer_email and customer_phone arrive only as customer_key (keyed HMAC), and
-- customer_name and notes are never stored.

CREATE SEQUENCE IF NOT EXISTS file_id_seq START 1;

-- One row per file offered to ingestion, whatever became of it.
CREATE TABLE IF NOT EXISTS ingest_files (
    file_id          BIGINT PRIMARY KEY,
    path             VARCHAR NOT NULL,      -- as given, for the operator
    file_name        VARCHAR NOT NULL,
    sha256           VARCHAR NOT NULL,
    size_bytes       BIGINT NOT NULL,
    format           VARCHAR,               -- csv | jsonl
    profile          VARCHAR,               -- mapping profile name; NULL = canonical
    status           VARCHAR NOT NULL,      -- loaded | skipped_duplicate_file | quarantined
    rows_read        BIGINT NOT NULL DEFAULT 0,
    rows_loaded      BIGINT NOT NULL DEFAULT 0,
    rows_duplicate   BIGINT NOT NULL DEFAULT 0,
    rows_rejected    BIGINT NOT NULL DEFAULT 0,
    rows_ignored     BIGINT NOT NULL DEFAULT 0,
    unknown_columns  VARCHAR[],             -- columns present but not used
    personal_fields  VARCHAR[],             -- personal-data columns that arrived
    message          VARCHAR,               -- why a file was quarantined or skipped
    ingested_at      TIMESTAMPTZ NOT NULL
);

-- Canonical events, one per loaded row.
CREATE TABLE IF NOT EXISTS events (
    org              VARCHAR NOT NULL,
    case_ref         VARCHAR NOT NULL,
    event_type       VARCHAR NOT NULL,
    occurred_at      TIMESTAMPTZ NOT NULL,
    event_id         VARCHAR,
    channel          VARCHAR,
    category         VARCHAR,
    team             VARCHAR,
    customer_type    VARCHAR,
    outcome          VARCHAR,
    redress_amount   DECIMAL(18, 2),
    due_at           TIMESTAMPTZ,
    adr_body         VARCHAR,
    customer_key     VARCHAR,               -- HMAC-SHA256 of the normalised email/phone
    file_id          BIGINT NOT NULL,
    line             BIGINT NOT NULL,       -- 1-based physical line in the file (header = 1)
    identity         UHUGEINT NOT NULL      -- md5 of the duplicate identity of contract §1
);
-- A case's attributes for the complaints return (contract §1, §7); stores made before them get
-- the columns empty. root_cause is the firm's category of why it went wrong, never free notes.
ALTER TABLE events ADD COLUMN IF NOT EXISTS product VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS root_cause VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS vulnerable BOOLEAN;
ALTER TABLE events ADD COLUMN IF NOT EXISTS legal_entity VARCHAR;

-- Rows that could not be loaded, with one reason code and their non-personal fields.
CREATE TABLE IF NOT EXISTS rejected_rows (
    file_id          BIGINT NOT NULL,
    line             BIGINT NOT NULL,
    reason           VARCHAR NOT NULL,      -- malformed_row | missing_field | unknown_event_type | bad_timestamp | unknown_org | bad_due_at | bad_value
    field            VARCHAR,               -- the field the reason is about, when there is one
    org              VARCHAR,
    case_ref         VARCHAR,
    event_type       VARCHAR,
    occurred_at      VARCHAR,               -- as it arrived
    event_id         VARCHAR,
    due_at           VARCHAR
);

-- Rows counted as duplicates, so that data-quality figures can be traced to lines.
CREATE TABLE IF NOT EXISTS duplicate_rows (
    file_id          BIGINT NOT NULL,
    line             BIGINT NOT NULL,
    org              VARCHAR,
    case_ref         VARCHAR,
    identity         UHUGEINT NOT NULL
);

-- The evaluation of every case (docs/evaluation.md): each case evaluated with all its events under
-- its organisation's current policy and calendar, when its events change or the policy does. A case
-- whose instances are all stopped gives the same results at every as-of from settled_from on, so a
-- report or export reads its rows as they are; a case with an open instance has settled_from NULL and
-- is evaluated afresh at each as-of, as is any case that an as-of cuts through (before settled_from).
-- stage_instances, the table before this evaluation was kept (read only by retention), is dropped: its
-- rows are evaluated again into case_stage_instances before the first report.
DROP TABLE IF EXISTS stage_instances;
CREATE TABLE IF NOT EXISTS case_stage_instances (
    org              VARCHAR NOT NULL,
    case_ref         VARCHAR NOT NULL,
    stage            VARCHAR NOT NULL,
    cycle            INTEGER NOT NULL,
    started_at       TIMESTAMPTZ NOT NULL,
    original_due_at  TIMESTAMPTZ NOT NULL,
    due_at           TIMESTAMPTZ NOT NULL,
    stopped_at       TIMESTAMPTZ,
    status           VARCHAR NOT NULL,      -- met | met_extended | breached | open_within | open_breached
    paused_seconds   DOUBLE NOT NULL,
    extended         BOOLEAN NOT NULL,
    evaluated_at     TIMESTAMPTZ NOT NULL,  -- the as-of it was evaluated at: just after the case's last event
    applied_limit    VARCHAR,               -- the version of the stage's limit that applied, e.g. '6 weeks'
    team             VARCHAR,               -- the team on the case's latest event with a team at or before the stop
    why              VARCHAR,               -- the reason sentence of an instance that did not simply meet its limit
    settled_from     TIMESTAMPTZ            -- the case's, see above
);
-- why_local: the reason sentence in the organisation's language (policy language:) when that is not
-- English; the packs show it, explain and every machine-readable output keep the English why. Added
-- after settled_from so that a store made before it has its columns in the same order.
ALTER TABLE case_stage_instances ADD COLUMN IF NOT EXISTS why_local VARCHAR;

-- One row per evaluated case: its first event (an as-of before it sees nothing of the case) and settled_from.
CREATE TABLE IF NOT EXISTS evaluated_cases (
    org              VARCHAR NOT NULL,
    case_ref         VARCHAR NOT NULL,
    first_event_at   TIMESTAMPTZ NOT NULL,
    settled_from     TIMESTAMPTZ
);

-- The durations of contract §5 of each evaluated case (the end event's instant and the days).
CREATE TABLE IF NOT EXISTS case_durations (
    org              VARCHAR NOT NULL,
    case_ref         VARCHAR NOT NULL,
    measure          VARCHAR NOT NULL,
    ended_at         TIMESTAMPTZ NOT NULL,
    days             DOUBLE NOT NULL,
    settled_from     TIMESTAMPTZ
);

-- The ADR letter status of each evaluated case that has one; an as-of reads it from its due time on.
CREATE TABLE IF NOT EXISTS case_adr_letters (
    org              VARCHAR NOT NULL,
    case_ref         VARCHAR NOT NULL,
    due_at           TIMESTAMPTZ NOT NULL,
    needs_letter     BOOLEAN NOT NULL,
    letter_missing   BOOLEAN NOT NULL,
    eligible_after   VARCHAR NOT NULL,
    settled_from     TIMESTAMPTZ
);

-- The customer-window requests of each evaluated case (contract §5).
CREATE TABLE IF NOT EXISTS case_customer_requests (
    org              VARCHAR NOT NULL,
    case_ref         VARCHAR NOT NULL,
    window_id        VARCHAR NOT NULL,
    requested_at     TIMESTAMPTZ NOT NULL,
    late             BOOLEAN NOT NULL,
    settled_from     TIMESTAMPTZ
);

-- Orphan stops and late extensions of each evaluated case, per stage (only stages with either).
CREATE TABLE IF NOT EXISTS case_stage_diagnostics (
    org              VARCHAR NOT NULL,
    case_ref         VARCHAR NOT NULL,
    stage            VARCHAR NOT NULL,
    orphan_stops     BIGINT NOT NULL,
    late_extensions  BIGINT NOT NULL,
    settled_from     TIMESTAMPTZ
);

-- The fingerprint of the policy and calendar (and clock code) each organisation's rows were evaluated
-- under; an organisation whose fingerprint differs from the current one is evaluated again in full.
CREATE TABLE IF NOT EXISTS evaluation_policies (
    org              VARCHAR PRIMARY KEY,
    fingerprint      VARCHAR NOT NULL
);

-- The loaded files whose cases have been evaluated; a file loaded but not listed (a run that stopped
-- between its commit and the evaluation) has its cases evaluated before the next report reads the rows.
CREATE TABLE IF NOT EXISTS evaluated_files (
    file_id          BIGINT PRIMARY KEY
);

-- Each job run of the host: what ran, when, and what it produced.
CREATE TABLE IF NOT EXISTS run_log (
    run_id           VARCHAR PRIMARY KEY,
    job              VARCHAR NOT NULL,
    host             VARCHAR NOT NULL,
    started_at       TIMESTAMPTZ NOT NULL,
    ended_at         TIMESTAMPTZ,
    outcome          VARCHAR,               -- succeeded | failed | cancelled
    detail           VARCHAR,
    outputs          VARCHAR                -- JSON: [{path, sha256}]
);

-- What each purge removed: counts and case references, nothing personal.
CREATE TABLE IF NOT EXISTS purge_log (
    purged_at        TIMESTAMPTZ NOT NULL,
    cutoff           TIMESTAMPTZ NOT NULL,   -- cases whose last event is before this were expired
    org              VARCHAR NOT NULL,
    case_ref         VARCHAR NOT NULL,
    last_event_at    TIMESTAMPTZ NOT NULL,
    events_removed   BIGINT NOT NULL,
    rejected_removed BIGINT NOT NULL,
    duplicates_removed BIGINT NOT NULL,
    instances_removed BIGINT NOT NULL
);

-- What the ingest job last saw of each drop-folder file (path, size, last write), so that an
-- unchanged file is not hashed again on every run; a changed file is offered to the ledger again.
CREATE TABLE IF NOT EXISTS drop_files (
    path             VARCHAR PRIMARY KEY,
    size_bytes       BIGINT NOT NULL,
    modified_at      TIMESTAMPTZ NOT NULL,
    file_id          BIGINT NOT NULL,       -- the ledger row (ingest_files.file_id) of the last offer
    status           VARCHAR NOT NULL
);

-- The packs published for each month, with the fingerprint of the inputs they were made from;
-- a month whose fingerprint changes is republished (the earlier files are kept as superseded).
CREATE TABLE IF NOT EXISTS published_packs (
    month            VARCHAR PRIMARY KEY,   -- YYYY-MM
    fingerprint      VARCHAR NOT NULL,
    run_id           VARCHAR NOT NULL,
    published_at     TIMESTAMPTZ NOT NULL,
    outputs          VARCHAR NOT NULL       -- JSON: [{path, sha256}]
);
-- The policy rules the month's figures depend on (JSON {file: {key: value}}), to say which rule a
-- republication is for; NULL for months published before it was kept.
ALTER TABLE published_packs ADD COLUMN IF NOT EXISTS policy_rules VARCHAR;

-- Every version of every policy file the store has seen, for auditors: a new row when a file's
-- content differs from its latest version, otherwise that version's last_seen moves.
CREATE TABLE IF NOT EXISTS policy_versions (
    file             VARCHAR NOT NULL,      -- e.g. halo.yaml
    org              VARCHAR NOT NULL,
    sha256           VARCHAR NOT NULL,
    first_seen       TIMESTAMPTZ NOT NULL,
    last_seen        TIMESTAMPTZ NOT NULL,
    changed_keys     VARCHAR,               -- keys that differ from the version before; NULL for the first
    rules            VARCHAR NOT NULL       -- JSON object of every key's value, to compare the next version with
);

-- The complaints returns published for each half-year (contract §7), as published_packs is for
-- months: a half-year whose fingerprint changes is republished, the earlier files kept as superseded.
CREATE TABLE IF NOT EXISTS published_returns (
    period           VARCHAR PRIMARY KEY,   -- YYYY-H1 | YYYY-H2
    fingerprint      VARCHAR NOT NULL,
    run_id           VARCHAR NOT NULL,
    published_at     TIMESTAMPTZ NOT NULL,
    outputs          VARCHAR NOT NULL       -- JSON: [{path, sha256}]
);
