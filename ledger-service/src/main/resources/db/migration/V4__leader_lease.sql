-- Ledger failover (ADR 0013, docs/operations.md "Ledger failover"). Two ledger-service instances may run against one
-- database; this single row says which one leads. An instance becomes leader by taking an expired (or released)
-- lease, which adds one to epoch: the fencing token. Every appending transaction reads the row (FOR SHARE, after
-- locking ledger_head) and rolls back unless epoch is still the one its instance took, so an old leader that was
-- paused past its lease and wakes up cannot append a single entry after another instance took over. Lease times
-- are the database's clock (clock_timestamp()), never an instance's, so instances' clock skew does not matter.
CREATE TABLE ledger_leader (
    id               SMALLINT PRIMARY KEY CHECK (id = 1),
    holder           VARCHAR(200),
    epoch            BIGINT      NOT NULL CHECK (epoch >= 0),
    acquired_at      TIMESTAMPTZ,
    lease_expires_at TIMESTAMPTZ NOT NULL
);
INSERT INTO ledger_leader (id, holder, epoch, acquired_at, lease_expires_at) VALUES (1, NULL, 0, NULL, '-infinity');
