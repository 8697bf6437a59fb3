-- One checkpoint per projection, so one read model can be rebuilt while the others keep their place; the hash
-- of the last applied entry is kept so the next entry's link to it can be checked. The single row of V1 was
-- the daily-spend projection's: it keeps that position (its hash was never stored, so it stays unknown).
ALTER TABLE ledger_checkpoint RENAME TO ledger_checkpoint_v1;
ALTER TABLE ledger_checkpoint_v1 RENAME CONSTRAINT ledger_checkpoint_pkey TO ledger_checkpoint_v1_pkey;

CREATE TABLE ledger_checkpoint (
    projection          VARCHAR(48) PRIMARY KEY,
    applied_position    BIGINT NOT NULL CHECK (applied_position >= 0),
    applied_entry_hash  VARCHAR(64) CHECK (applied_entry_hash ~ '^[0-9a-f]{64}$'),
    applied_at          TIMESTAMPTZ
);
INSERT INTO ledger_checkpoint (projection, applied_position, applied_entry_hash, applied_at)
SELECT 'daily-spend', applied_position, NULL, applied_at FROM ledger_checkpoint_v1;
DROP TABLE ledger_checkpoint_v1;

-- Cost in integer USD micros, re-pricings included. No sign check on the cost: a total that disagrees with the
-- ledger (a re-pricing of spend never counted here) must show in the read model, not stop the follower. Every
-- record counted before V2 came from the foundation, which had no prices: all of them are unpriced.
ALTER TABLE daily_spend
    ADD COLUMN cost_usd_micros  BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN unpriced_records BIGINT NOT NULL DEFAULT 0 CHECK (unpriced_records >= 0);
UPDATE daily_spend SET unpriced_records = records;
ALTER TABLE daily_spend
    ALTER COLUMN cost_usd_micros DROP DEFAULT,
    ALTER COLUMN unpriced_records DROP DEFAULT;
