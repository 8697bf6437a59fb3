-- The last point seen of each CUMULATIVE OTLP series (docs/otlp.md): a cumulative point counts only its increase
-- over the last one, so the same running total exported twice counts once. One row per series, i.e. per stream
-- (resource attributes, scope, metric, point attributes) and start time; a client restart starts a new series.
-- Rows are locked (SELECT ... FOR UPDATE) and updated in the same transaction that waits for Kafka's
-- acknowledgement of the increases: a failed publish rolls the state back, and the retry recomputes the same
-- increase under the same deterministic id.
CREATE TABLE otlp_series (
    -- SHA-256 (hex) of the stream key and the start time (StreamKeys.series).
    series_key_sha256    TEXT        PRIMARY KEY,
    start_time_unix_nano BIGINT      NOT NULL,
    -- Null until the first point of the series is counted.
    last_time_unix_nano  BIGINT,
    -- The running total as sent (tokens, USD, counts), exact.
    last_value           NUMERIC,
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- For an operator pruning series that stopped long ago (see docs/otlp.md before doing so).
CREATE INDEX otlp_series_updated_at ON otlp_series (updated_at);
