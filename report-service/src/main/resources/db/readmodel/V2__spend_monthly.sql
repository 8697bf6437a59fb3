-- The spend lines summed per calendar month (UTC) and key, up to the checkpoint: a month of a busy ledger is tens
-- of thousands of rows here against hundreds of thousands in spend_daily (docs/performance.md, "Report queries at
-- 1 and 10 million entries"). Reports over whole months without a day or week split read it (query/Cube); as of
-- a past position they subtract the lines after it, as from spend_daily.
CREATE TABLE spend_monthly (
    month                     DATE NOT NULL CHECK (EXTRACT(DAY FROM month) = 1),
    team                      TEXT NOT NULL,
    cost_center               TEXT,
    person_ref                TEXT NOT NULL,
    model                     TEXT NOT NULL,
    provider                  TEXT,
    purpose                   TEXT,
    source                    TEXT NOT NULL,
    records                   BIGINT NOT NULL,
    input_tokens              BIGINT NOT NULL,
    output_tokens             BIGINT NOT NULL,
    cache_read_tokens         BIGINT NOT NULL,
    cache_write5m_tokens      BIGINT NOT NULL,
    cache_write1h_tokens      BIGINT NOT NULL,
    reasoning_tokens          BIGINT NOT NULL,
    cost_usd_micros           BIGINT NOT NULL,
    unpriced_records          BIGINT NOT NULL,
    reported_records          BIGINT NOT NULL,
    reported_cost_usd_micros  BIGINT NOT NULL,
    reported_our_cost_usd_micros BIGINT NOT NULL,
    evidence_records          BIGINT NOT NULL,
    evidence_cost_usd_micros  BIGINT NOT NULL,
    evidence_reported_cost_usd_micros BIGINT NOT NULL,
    CONSTRAINT spend_monthly_key UNIQUE NULLS NOT DISTINCT
        (month, team, cost_center, person_ref, model, provider, purpose, source)
);
CREATE INDEX spend_monthly_team ON spend_monthly (team, month);

-- A generation that already holds spend gets its months from its daily sums (the same lines, summed again).
INSERT INTO spend_monthly
SELECT date_trunc('month', day)::date, team, cost_center, person_ref, model, provider, purpose, source,
    SUM(records), SUM(input_tokens), SUM(output_tokens), SUM(cache_read_tokens), SUM(cache_write5m_tokens),
    SUM(cache_write1h_tokens), SUM(reasoning_tokens), SUM(cost_usd_micros), SUM(unpriced_records),
    SUM(reported_records), SUM(reported_cost_usd_micros), SUM(reported_our_cost_usd_micros),
    SUM(evidence_records), SUM(evidence_cost_usd_micros), SUM(evidence_reported_cost_usd_micros)
FROM spend_daily
GROUP BY date_trunc('month', day)::date, team, cost_center, person_ref, model, provider, purpose, source;
