-- Change requests this service sent and the ledger has not answered yet, so a status link says PENDING rather
-- than "unknown" (the answer itself is in policy_change_status, written by the projection).
CREATE TABLE policy_change_submission (
    request_id        VARCHAR(128) PRIMARY KEY,
    policy_id         VARCHAR(64)  NOT NULL,
    kind              VARCHAR(16)  NOT NULL,
    expected_version  BIGINT       NOT NULL,
    actor             VARCHAR(128) NOT NULL,
    submitted_at      TIMESTAMPTZ  NOT NULL
);

-- Re-derivation jobs for compliance: POST /v1/decisions/verifications, progress and result.
CREATE TABLE decision_verification (
    verification_id   VARCHAR(64)  PRIMARY KEY,
    status            VARCHAR(16)  NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
    from_position     BIGINT       NOT NULL,
    to_position       BIGINT,
    entries_read      BIGINT       NOT NULL DEFAULT 0,
    requested_by      VARCHAR(128) NOT NULL,
    requested_at      TIMESTAMPTZ  NOT NULL,
    finished_at       TIMESTAMPTZ,
    result            JSONB,
    failure           TEXT
);
-- One job at a time, also across instances: a second RUNNING row is refused.
CREATE UNIQUE INDEX decision_verification_one_running ON decision_verification ((status)) WHERE status = 'RUNNING';
