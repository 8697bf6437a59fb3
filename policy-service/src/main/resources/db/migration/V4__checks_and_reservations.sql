-- Pre-flight checks (docs/policy.md, package check): what checks hold against budget periods, the answer to every
-- check (so a retried checkId gets the same answer), and the check decisions waiting for decisions.v1. Unlike the
-- evaluator's columns, none of this is derived from the ledger: a rebuild of the policy projection must keep it.

-- How many reservations hold reserved_usd_micros, maintained with it, so a check reads it from the row it locks
-- instead of counting reservation rows under the lock.
ALTER TABLE budget_period
    ADD COLUMN reservation_count INTEGER NOT NULL DEFAULT 0 CHECK (reservation_count >= 0);

-- One row per reservation and budget period it holds an amount against (a check reserves its estimate against
-- every budget in scope). Released by settlement (the ledger recorded the usage carrying the reservation id), by
-- the client (DELETE /v1/checks/reservations/{id}) or by the sweeper once expires_at passed; each release deletes
-- the rows and subtracts their amounts from budget_period.reserved_usd_micros in one transaction.
CREATE TABLE reservation (
    reservation_id     VARCHAR(64)  NOT NULL,
    budget_id          TEXT         NOT NULL,
    period_key         TEXT         NOT NULL,
    amount_usd_micros  BIGINT       NOT NULL CHECK (amount_usd_micros > 0),
    check_id           VARCHAR(128) NOT NULL,
    expires_at         TIMESTAMPTZ  NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (reservation_id, budget_id, period_key),
    CHECK (created_at < expires_at)
);
CREATE INDEX reservation_expires_at ON reservation (expires_at);

-- Every check answered, by checkId: the SHA-256 of its request (a retry with the same content gets the stored
-- response again; other content under the same id is refused) and the response. Forgotten after the
-- configured retention (checks.idempotency-retention).
CREATE TABLE check_request (
    check_id        VARCHAR(128) PRIMARY KEY,
    request_sha256  CHAR(64)     NOT NULL CHECK (request_sha256 ~ '^[0-9a-f]{64}$'),
    response        TEXT         NOT NULL,
    checked_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX check_request_checked_at ON check_request (checked_at);

-- Check decisions (PolicyDecision JSON, exactly the bytes sent) written in the check's transaction and deleted
-- once the broker acknowledged them on decisions.v1: nothing decided is lost, and a re-send is recorded once by
-- the ledger (decision_id is its idempotency key).
CREATE TABLE check_decision_outbox (
    id           BIGSERIAL    PRIMARY KEY,
    decision_id  VARCHAR(256) NOT NULL UNIQUE,
    subject      VARCHAR(160) NOT NULL,
    payload      TEXT         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL
);
