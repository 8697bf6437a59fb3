-- Spend per person and model (with the model's provider), team and cost center, by UTC day and by calendar month:
-- the sums reports need when they split or filter by model or provider but ask nothing of the purpose or source
-- (spend by day, team and model; unpriced records by model). A month of a busy ledger is about a fifth of
-- spend_daily's rows here (docs/performance.md). Maintained per delivery from the lines like spend_daily; reports
-- read the narrowest sums that have every dimension they ask for (query/CubeTable, docs/reports.md).
--
-- The key's index is ordered period, team, model, person (then cost center and provider) and carries the two
-- measures that say whether a person was active (records, cost): a report split by day, team and model counts its
-- active people per group from an index-only scan in that order, without the table and without sorting
-- (query/CubeStatement; docs/performance.md). Updates of those two measures then touch the index too.
CREATE TABLE spend_model_daily (LIKE spend_daily INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE spend_model_daily DROP COLUMN purpose, DROP COLUMN source;
ALTER TABLE spend_model_daily
    ADD CONSTRAINT spend_model_daily_key UNIQUE NULLS NOT DISTINCT
        (day, team, model, person_ref, cost_center, provider) INCLUDE (records, cost_usd_micros);

CREATE TABLE spend_model_monthly (LIKE spend_monthly INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE spend_model_monthly DROP COLUMN purpose, DROP COLUMN source;
ALTER TABLE spend_model_monthly
    ADD CONSTRAINT spend_model_monthly_key UNIQUE NULLS NOT DISTINCT
        (month, team, model, person_ref, cost_center, provider) INCLUDE (records, cost_usd_micros);

-- A generation that already holds spend gets them from its daily sums (the same lines, summed again).
INSERT INTO spend_model_daily
SELECT day, team, cost_center, person_ref, model, provider, SUM(records), SUM(input_tokens), SUM(output_tokens),
    SUM(cache_read_tokens), SUM(cache_write5m_tokens), SUM(cache_write1h_tokens), SUM(reasoning_tokens),
    SUM(cost_usd_micros), SUM(unpriced_records), SUM(reported_records), SUM(reported_cost_usd_micros),
    SUM(reported_our_cost_usd_micros), SUM(evidence_records), SUM(evidence_cost_usd_micros),
    SUM(evidence_reported_cost_usd_micros)
FROM spend_daily GROUP BY day, team, cost_center, person_ref, model, provider;

INSERT INTO spend_model_monthly
SELECT date_trunc('month', day)::date, team, cost_center, person_ref, model, provider, SUM(records),
    SUM(input_tokens), SUM(output_tokens), SUM(cache_read_tokens), SUM(cache_write5m_tokens),
    SUM(cache_write1h_tokens), SUM(reasoning_tokens), SUM(cost_usd_micros), SUM(unpriced_records),
    SUM(reported_records), SUM(reported_cost_usd_micros), SUM(reported_our_cost_usd_micros), SUM(evidence_records),
    SUM(evidence_cost_usd_micros), SUM(evidence_reported_cost_usd_micros)
FROM spend_daily GROUP BY date_trunc('month', day)::date, team, cost_center, person_ref, model, provider;
