-- Spend per team, folded from ledger.v1; exactly the ledger up to ledger_checkpoint.applied_position.
CREATE TABLE team_spend (
    team                  VARCHAR(64) PRIMARY KEY,
    records               BIGINT NOT NULL CHECK (records >= 0),
    input_tokens          BIGINT NOT NULL CHECK (input_tokens >= 0),
    output_tokens         BIGINT NOT NULL CHECK (output_tokens >= 0),
    cache_read_tokens     BIGINT NOT NULL CHECK (cache_read_tokens >= 0),
    cache_write5m_tokens  BIGINT NOT NULL CHECK (cache_write5m_tokens >= 0),
    cache_write1h_tokens  BIGINT NOT NULL CHECK (cache_write1h_tokens >= 0),
    reasoning_tokens      BIGINT NOT NULL CHECK (reasoning_tokens >= 0),
    last_ledger_position  BIGINT NOT NULL
);

CREATE TABLE ledger_checkpoint (
    id               SMALLINT PRIMARY KEY CHECK (id = 1),
    applied_position BIGINT NOT NULL CHECK (applied_position >= 0),
    applied_at       TIMESTAMPTZ
);
INSERT INTO ledger_checkpoint (id, applied_position) VALUES (1, 0);
