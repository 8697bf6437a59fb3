-- The read models now live in one schema per generation (db/readmodel, docs/reports.md); this schema keeps only
-- which generation serves and the rebuilds that made them. The daily_spend table of V1/V2 and its checkpoint are
-- replaced by generation 1, which the service fills from ledger position 1 at its next start.
DROP TABLE daily_spend;
DROP TABLE ledger_checkpoint;

CREATE TABLE report_generation (
    generation         INT PRIMARY KEY CHECK (generation >= 1),
    state              VARCHAR(16) NOT NULL CHECK (state IN ('BUILDING', 'ACTIVE', 'RETIRED', 'FAILED', 'CANCELLED')),
    created_at         TIMESTAMPTZ NOT NULL,
    activated_at       TIMESTAMPTZ,
    retired_at         TIMESTAMPTZ,
    -- For a rebuild: the ledger replay feeding it, its topic, the position it must reach, and why it failed.
    replay_id          VARCHAR(64),
    replay_topic       VARCHAR(249),
    target_position    BIGINT,
    started_by         VARCHAR(128),
    failure            TEXT,
    -- After a switch: the digests of the retired and the new generation compared at the retired one's last
    -- position (docs/reports.md, Rebuilds): equal or not, and each read model's pair.
    compared_position  BIGINT,
    digests_equal      BOOLEAN,
    comparison         TEXT
);
-- At most one generation serves at a time.
CREATE UNIQUE INDEX report_generation_one_active ON report_generation ((true)) WHERE state = 'ACTIVE';
