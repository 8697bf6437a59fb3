-- Everything in this file is written by the "policy" projection of ledger.v1, in the transaction that advances
-- its ledger_checkpoint row, so it is exactly "the ledger up to that position" (docs/policy.md).

-- Every policy version the ledger recorded (PolicyChanged), in ledger order. The current rules are the highest
-- version of each policy; a version governs from the ledger position after its own.
CREATE TABLE policy_version (
    policy_id        VARCHAR(64)  NOT NULL,
    version          BIGINT       NOT NULL CHECK (version >= 1),
    kind             VARCHAR(16)  NOT NULL,
    content          JSONB        NOT NULL,
    diff             JSONB        NOT NULL,
    actor            VARCHAR(128) NOT NULL,
    request_id       VARCHAR(128) NOT NULL,
    effective_from   TIMESTAMPTZ  NOT NULL,
    requested_at     TIMESTAMPTZ  NOT NULL,
    ledger_position  BIGINT       NOT NULL UNIQUE,
    PRIMARY KEY (policy_id, version)
);
CREATE INDEX policy_version_kind ON policy_version (kind, policy_id, version);

-- What became of each policy change request: recorded (as which version) or rejected (why). The API answers
-- from here; GET /v1/policy-changes/{requestId} too.
CREATE TABLE policy_change_status (
    request_id        VARCHAR(128) PRIMARY KEY,
    policy_id         VARCHAR(64)  NOT NULL,
    kind              VARCHAR(16)  NOT NULL,
    status            VARCHAR(16)  NOT NULL CHECK (status IN ('RECORDED', 'REJECTED')),
    expected_version  BIGINT       NOT NULL,
    version           BIGINT,
    current_version   BIGINT,
    reason            TEXT,
    actor             VARCHAR(128) NOT NULL,
    ledger_position   BIGINT       NOT NULL
);

-- The team and cost center each person belongs to, from the identity links in the ledger: the link with the
-- latest effective time wins (ties: the later ledger position). A check naming only a person is held against
-- that team's and cost center's budgets too.
CREATE TABLE person_attribution (
    person_ref       VARCHAR(128) PRIMARY KEY,
    team             VARCHAR(64)  NOT NULL,
    cost_center      VARCHAR(64),
    effective_from   TIMESTAMPTZ  NOT NULL,
    ledger_position  BIGINT       NOT NULL
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
    budget_id           VARCHAR(64) PRIMARY KEY,
    current_period_key  VARCHAR(16) NOT NULL
);

-- One row per budget and period: the spend the ledger counted (evaluator columns, as of spent_as_of_position)
-- and what pre-flight checks hold against it (reserved_usd_micros, written by checks and by settlement). The
-- row is the lock that serializes checks against one budget, on one instance or many.
CREATE TABLE budget_period (
    budget_id             VARCHAR(64) NOT NULL,
    period_key            VARCHAR(16) NOT NULL,
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
