-- The report read models, created by Flyway in one schema per generation (report_g1, report_g2, ...): the live
-- generation serves every report; a rebuild fills a fresh one from a ledger replay and then takes its place
-- (docs/reports.md). Every table is a fold of ledger.v1 up to ledger_checkpoint.applied_position, written in the
-- transaction that advances it. Money is integer USD micros, tokens are counts; nothing is a float.
--
-- Text columns are TEXT: the ledger bounds what it records (ingest and ledger-service validate lengths), and a
-- follower never skips an entry, so a column narrower than what the ledger accepts would stop it for good.
--
-- "As of" a past position: every figure is either an append-only row carrying the ledger position that wrote it
-- (identity_link, policy_version, decision, ...) or a sum over *_line rows, one per ledger entry and key, each
-- with its position. The *_daily tables are those sums up to the checkpoint, kept for speed: a report as of
-- position P reads *_daily minus the lines after P, which equals the lines up to P however the entries were
-- batched when they were applied.

-- The follower's checkpoint (platform LedgerCheckpoint), one row per projection of this generation.
CREATE TABLE ledger_checkpoint (
    projection          TEXT PRIMARY KEY,
    applied_position    BIGINT NOT NULL CHECK (applied_position >= 0),
    applied_entry_hash  TEXT CHECK (applied_entry_hash ~ '^[0-9a-f]{64}$'),
    applied_at          TIMESTAMPTZ
);

-- The position each read model has applied: the same for all, written in the same transaction.
CREATE TABLE read_model_position (
    read_model        TEXT PRIMARY KEY,
    applied_position  BIGINT NOT NULL CHECK (applied_position >= 0)
);

-- When the ledger recorded its entries, for "as of a time": one row each time the running maximum of recordedAt
-- grows, so the prefix recorded by an instant T ends just before the first row whose recorded_max is after T.
CREATE TABLE ledger_clock (
    first_position  BIGINT PRIMARY KEY CHECK (first_position >= 1),
    recorded_max    TIMESTAMPTZ NOT NULL
);
CREATE INDEX ledger_clock_recorded ON ledger_clock (recorded_max, first_position);

-- Identity links as recorded: from effective_from on, alias_ref belongs to person_ref in team and cost_center.
CREATE TABLE identity_link (
    position        BIGINT PRIMARY KEY,
    link_id         TEXT  NOT NULL,
    alias_ref       TEXT NOT NULL,
    alias_kind      TEXT  NOT NULL,
    person_ref      TEXT NOT NULL,
    team            TEXT  NOT NULL,
    cost_center     TEXT,
    effective_from  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX identity_link_alias ON identity_link (alias_ref, effective_from, position);
CREATE INDEX identity_link_person ON identity_link (person_ref, effective_from, position);

-- Whom each recorded spend or outcome counts for now: its recorded attribution until a later identity link of
-- its alias re-attributes it (a MOVE_OUT and a MOVE_IN line at the link's position; the entry is never changed).
CREATE TABLE attribution_origin (
    origin_position  BIGINT PRIMARY KEY,
    stream           TEXT   NOT NULL CHECK (stream IN ('SPEND', 'OUTCOME')),
    alias_ref        TEXT NOT NULL,
    occurred_at      TIMESTAMPTZ  NOT NULL,
    person_ref       TEXT NOT NULL,
    team             TEXT  NOT NULL,
    cost_center      TEXT
);
CREATE INDEX attribution_origin_alias ON attribution_origin (alias_ref, occurred_at);

-- One line per ledger entry and what it adds: SPEND (a SpendRecorded), REPRICE (a SpendRepriced, at its original's
-- attribution and day), MOVE_OUT / MOVE_IN (a re-attribution: minus at the old key, plus at the new one),
-- EVIDENCE (UsageEvidenceRecorded: counted in the evidence columns only, never as spend).
CREATE TABLE spend_line (
    position                  BIGINT       NOT NULL,
    origin_position           BIGINT       NOT NULL,
    line_kind                 TEXT   NOT NULL
        CHECK (line_kind IN ('SPEND', 'REPRICE', 'MOVE_OUT', 'MOVE_IN', 'EVIDENCE')),
    occurred_at               TIMESTAMPTZ  NOT NULL,
    day                       DATE         NOT NULL,
    team                      TEXT  NOT NULL,
    cost_center               TEXT,
    person_ref                TEXT NOT NULL,
    model                     TEXT NOT NULL,
    provider                  TEXT,
    purpose                   TEXT,
    source                    TEXT  NOT NULL,
    record_id                 TEXT NOT NULL,
    rate_card_id              TEXT,
    rate_card_version         BIGINT,
    records                   BIGINT NOT NULL,
    input_tokens              BIGINT NOT NULL,
    output_tokens             BIGINT NOT NULL,
    cache_read_tokens         BIGINT NOT NULL,
    cache_write5m_tokens      BIGINT NOT NULL,
    cache_write1h_tokens      BIGINT NOT NULL,
    reasoning_tokens          BIGINT NOT NULL,
    cost_usd_micros           BIGINT NOT NULL,
    unpriced_records          BIGINT NOT NULL,
    -- Records that came with a cost the client reported, that reported cost, and our cost of the same records.
    reported_records          BIGINT NOT NULL,
    reported_cost_usd_micros  BIGINT NOT NULL,
    reported_our_cost_usd_micros BIGINT NOT NULL,
    PRIMARY KEY (position, origin_position, line_kind)
);
CREATE INDEX spend_line_origin ON spend_line (origin_position);
CREATE INDEX spend_line_day ON spend_line (day, position);
CREATE INDEX spend_line_occurred ON spend_line (occurred_at);

-- The spend lines summed per UTC day of use and key, up to the checkpoint. The evidence_* columns hold what
-- other sources (for example a provider's usage report) said about the same use, for reconciliation.
CREATE TABLE spend_daily (
    day                       DATE         NOT NULL,
    team                      TEXT  NOT NULL,
    cost_center               TEXT,
    person_ref                TEXT NOT NULL,
    model                     TEXT NOT NULL,
    provider                  TEXT,
    purpose                   TEXT,
    source                    TEXT  NOT NULL,
    records                   BIGINT NOT NULL,
    input_tokens              BIGINT NOT NULL,
    output_tokens             BIGINT NOT NULL,
    cache_read_tokens         BIGINT NOT NULL,
    cache_write5m_tokens      BIGINT NOT NULL,
    cache_write1h_tokens      BIGINT NOT NULL,
    reasoning_tokens          BIGINT NOT NULL,
    cost_usd_micros           BIGINT NOT NULL,
    unpriced_records          BIGINT NOT NULL,
    reported_records          BIGINT NOT NULL,
    reported_cost_usd_micros  BIGINT NOT NULL,
    reported_our_cost_usd_micros BIGINT NOT NULL,
    evidence_records          BIGINT NOT NULL,
    evidence_cost_usd_micros  BIGINT NOT NULL,
    evidence_reported_cost_usd_micros BIGINT NOT NULL,
    CONSTRAINT spend_daily_key UNIQUE NULLS NOT DISTINCT
        (day, team, cost_center, person_ref, model, provider, purpose, source)
);
CREATE INDEX spend_daily_team ON spend_daily (team, day);
CREATE INDEX spend_daily_person ON spend_daily (person_ref, day);

-- Outcomes the same way: OUTCOME (an OutcomeRecorded counted as outcomes), MOVE_OUT / MOVE_IN, EVIDENCE (an
-- outcome recorded beside the same work from another source: kept, never added to the outcome counts).
CREATE TABLE outcome_line (
    position         BIGINT       NOT NULL,
    origin_position  BIGINT       NOT NULL,
    line_kind        TEXT   NOT NULL CHECK (line_kind IN ('OUTCOME', 'MOVE_OUT', 'MOVE_IN', 'EVIDENCE')),
    occurred_at      TIMESTAMPTZ  NOT NULL,
    day              DATE         NOT NULL,
    team             TEXT  NOT NULL,
    cost_center      TEXT,
    person_ref       TEXT NOT NULL,
    kind             TEXT  NOT NULL,
    source           TEXT  NOT NULL,
    ai_assistance    TEXT  NOT NULL,
    outcomes         BIGINT NOT NULL,
    additions        BIGINT NOT NULL,
    deletions        BIGINT NOT NULL,
    PRIMARY KEY (position, origin_position, line_kind)
);
CREATE INDEX outcome_line_day ON outcome_line (day, position);
-- The ledger clock reads the latest time of use up to a position (ReportSnapshot.ledgerClock).
CREATE INDEX outcome_line_occurred ON outcome_line (occurred_at);

CREATE TABLE outcome_daily (
    day                DATE         NOT NULL,
    team               TEXT  NOT NULL,
    cost_center        TEXT,
    person_ref         TEXT NOT NULL,
    kind               TEXT  NOT NULL,
    source             TEXT  NOT NULL,
    ai_assistance      TEXT  NOT NULL,
    outcomes           BIGINT NOT NULL,
    additions          BIGINT NOT NULL,
    deletions          BIGINT NOT NULL,
    evidence_outcomes  BIGINT NOT NULL,
    CONSTRAINT outcome_daily_key UNIQUE NULLS NOT DISTINCT
        (day, team, cost_center, person_ref, kind, source, ai_assistance)
);
CREATE INDEX outcome_daily_person ON outcome_daily (person_ref, day);

-- Every policy version and every refused change request, as recorded.
CREATE TABLE policy_version (
    position        BIGINT PRIMARY KEY,
    request_id      TEXT NOT NULL,
    policy_id       TEXT  NOT NULL,
    kind            TEXT  NOT NULL,
    version         BIGINT       NOT NULL,
    actor           TEXT NOT NULL,
    content         JSONB        NOT NULL,
    diff            JSONB        NOT NULL,
    effective_from  TIMESTAMPTZ  NOT NULL,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    CONSTRAINT policy_version_key UNIQUE (policy_id, version)
);
CREATE INDEX policy_version_kind ON policy_version (kind, policy_id, version);
CREATE INDEX policy_version_occurred ON policy_version (occurred_at);

CREATE TABLE policy_rejection (
    position          BIGINT PRIMARY KEY,
    request_id        TEXT NOT NULL,
    policy_id         TEXT  NOT NULL,
    kind              TEXT  NOT NULL,
    expected_version  BIGINT       NOT NULL,
    current_version   BIGINT       NOT NULL,
    actor             TEXT NOT NULL,
    reason            TEXT         NOT NULL,
    content           JSONB        NOT NULL,
    effective_from    TIMESTAMPTZ,
    occurred_at       TIMESTAMPTZ  NOT NULL
);

-- Every decision the ledger recorded (budget, check, gamification), with its inputs and evidence as recorded.
CREATE TABLE decision (
    position          BIGINT PRIMARY KEY,
    decision_id       TEXT NOT NULL UNIQUE,
    kind              TEXT  NOT NULL,
    subject           TEXT NOT NULL,
    policy_id         TEXT NOT NULL,
    policy_version    BIGINT       NOT NULL,
    result            TEXT  NOT NULL,
    reason            TEXT         NOT NULL,
    occurred_at       TIMESTAMPTZ  NOT NULL,
    trigger_position  BIGINT,
    inputs            JSONB        NOT NULL,
    evidence          JSONB
);
CREATE INDEX decision_kind ON decision (kind, occurred_at);
CREATE INDEX decision_policy ON decision (policy_id, kind);
CREATE INDEX decision_subject ON decision (subject, position);

-- Usage record ids that came again with other content (nothing counted; shown to auditors).
CREATE TABLE usage_conflict (
    position                    BIGINT PRIMARY KEY,
    usage_record_id             TEXT NOT NULL,
    recorded_content_sha256     TEXT  NOT NULL,
    conflicting_content_sha256  TEXT  NOT NULL,
    source                      TEXT,
    team                        TEXT,
    occurred_at                 TIMESTAMPTZ
);

-- What each budget counted, by its period and the local day (in the budget's time zone) of the use: the same
-- rules as policy-service (platform budget: scope, period; spend recorded after the budget's first version; a
-- re-pricing in its original's period, for the budgets in force at the re-pricing).
CREATE TABLE budget_line (
    position          BIGINT      NOT NULL,
    origin_position   BIGINT      NOT NULL,
    budget_id         TEXT NOT NULL,
    period_key        TEXT NOT NULL,
    local_day         DATE        NOT NULL,
    records           BIGINT      NOT NULL,
    cost_usd_micros   BIGINT      NOT NULL,
    PRIMARY KEY (position, origin_position, budget_id)
);
CREATE INDEX budget_line_origin ON budget_line (origin_position);
CREATE INDEX budget_line_budget ON budget_line (budget_id, period_key, position);

CREATE TABLE budget_daily (
    budget_id        TEXT NOT NULL,
    period_key       TEXT NOT NULL,
    local_day        DATE        NOT NULL,
    records          BIGINT      NOT NULL,
    cost_usd_micros  BIGINT      NOT NULL,
    PRIMARY KEY (budget_id, period_key, local_day)
);
