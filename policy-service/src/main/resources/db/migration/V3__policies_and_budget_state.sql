-- Everything in this file is written by the "policy" projection of ledger.v1, in the transaction that advances
-- its ledger_checkpoint row, so it is exactly "the ledger up to that position" (docs/policy.md).

-- Every policy version the ledger recorded (PolicyChanged), in ledger order. The current rules are the highest
-- version of each policy; a version governs from the ledger position after its own.
-- Columns are as wide as the ledger accepts (TEXT, content as JSON text: JSONB refuses \u0000), so no entry the
-- ledger recorded can stop this projection. Instants are kept as ISO-8601 text, exactly as recorded:
-- TIMESTAMPTZ keeps microseconds, and a rounded effectiveFrom could pick another rate card than a replay does.
CREATE TABLE policy_version (
    policy_id        TEXT    NOT NULL,
    version          BIGINT  NOT NULL CHECK (version >= 1),
    kind             TEXT    NOT NULL,
    content          TEXT    NOT NULL,
    diff             TEXT    NOT NULL,
    actor            TEXT    NOT NULL,
    request_id       TEXT    NOT NULL,
    effective_from   TEXT    NOT NULL,
    requested_at     TEXT    NOT NULL,
    ledger_position  BIGINT  NOT NULL UNIQUE,
    PRIMARY KEY (policy_id, version)
);
CREATE INDEX policy_version_kind ON policy_version (kind, policy_id, version);

-- What became of each policy change request: recorded (as which version) or rejected (why). The API answers
-- from here; GET /v1/policy-changes/{requestId} too.
CREATE TABLE policy_change_status (
    request_id        TEXT    PRIMARY KEY,
    policy_id         TEXT    NOT NULL,
    kind              TEXT    NOT NULL,
    status            TEXT    NOT NULL CHECK (status IN ('RECORDED', 'REJECTED')),
    expected_version  BIGINT  NOT NULL,
    version           BIGINT,
    current_version   BIGINT,
    reason            TEXT,
    actor             TEXT    NOT NULL,
    ledger_position   BIGINT  NOT NULL
);

-- The last ledger position that changed the rules checks read (a policy version or an identity link): checks
-- reload their rules only when it moves, and record it as the rules position they used.
CREATE TABLE policy_rules_head (
    id             SMALLINT PRIMARY KEY CHECK (id = 1),
    rules_position BIGINT   NOT NULL CHECK (rules_position >= 0)
);
INSERT INTO policy_rules_head (id, rules_position) VALUES (1, 0);

-- The team and cost center each person belongs to, from the identity links in the ledger: the link with the
-- latest effective time wins (ties: the later ledger position). A check naming only a person is held against
-- that team's and cost center's budgets too.
-- The effective time is compared exactly, in epoch nanoseconds, as a replay compares it.
CREATE TABLE person_attribution (
    person_ref                 TEXT           PRIMARY KEY,
    team                       TEXT           NOT NULL,
    cost_center                TEXT,
    effective_from_epoch_nanos NUMERIC(30, 0) NOT NULL,
    ledger_position            BIGINT         NOT NULL
);

-- The evaluator's clock: the latest event time it has seen (docs/policy.md). Never the wall clock. Kept as the
-- ISO-8601 text of the instant, because event times carry nanoseconds and TIMESTAMPTZ keeps microseconds: a
-- rounded clock would put a different instant in decisions than a replay of the ledger derives.
CREATE TABLE evaluator_clock (
    projection   VARCHAR(48) PRIMARY KEY,
    ledger_clock VARCHAR(40) NOT NULL
);

-- Per budget, the period its ledger clock is in, to record a period reset once when the clock enters the next.
CREATE TABLE budget_state (
    budget_id           TEXT PRIMARY KEY,
    current_period_key  TEXT NOT NULL
);

-- One row per budget and period: the spend the ledger counted (evaluator columns, as of spent_as_of_position)
-- and what pre-flight checks hold against it (reserved_usd_micros, written by checks and by settlement). The
-- row is the lock that serializes checks against one budget, on one instance or many.
CREATE TABLE budget_period (
    budget_id             TEXT        NOT NULL,
    period_key            TEXT        NOT NULL,
    period_start          TIMESTAMPTZ NOT NULL,
    period_end            TIMESTAMPTZ NOT NULL,
    spent_usd_micros      BIGINT      NOT NULL,
    spent_as_of_position  BIGINT      NOT NULL CHECK (spent_as_of_position >= 0),
    reserved_usd_micros   BIGINT      NOT NULL DEFAULT 0 CHECK (reserved_usd_micros >= 0),
    crossed_thresholds    INTEGER[]   NOT NULL DEFAULT '{}',
    exhausted             BOOLEAN     NOT NULL DEFAULT FALSE,
    forecast_alerted      BOOLEAN     NOT NULL DEFAULT FALSE,
    PRIMARY KEY (budget_id, period_key),
    CHECK (period_start < period_end)
);
