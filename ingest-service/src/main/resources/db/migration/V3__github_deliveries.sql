-- GitHub webhook deliveries already received, by X-GitHub-Delivery: a redelivery (GitHub's "Redeliver" button or
-- a retry) is answered "already received" without publishing again. A row is written in the same transaction
-- that waits for Kafka's acknowledgement of the delivery's outcome, so a delivery is recorded here only once its
-- outcome (if any) is durably in Kafka: when Kafka fails, there is no row and a retry is processed afresh.
-- Holds no personal data (no login, no body): only ids, the event name and a hash of the body.
CREATE TABLE github_delivery (
    -- X-GitHub-Delivery (a GUID).
    delivery_id TEXT        PRIMARY KEY,
    -- X-GitHub-Event (pull_request, ping, ...).
    event       TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    -- The outcome published for it; null when the delivery was acknowledged and ignored (ping, unmerged close).
    outcome_id  TEXT,
    -- Hex SHA-256 of the raw body: the same delivery id with another body is refused (409), not taken.
    body_sha256 TEXT        NOT NULL
);
