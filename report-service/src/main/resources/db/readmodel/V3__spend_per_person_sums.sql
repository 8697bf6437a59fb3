-- Spend per person, team and cost center by UTC day and by calendar month: the sums reports need when they ask
-- nothing of the model, provider, purpose or source (distribution, efficiency tiers, spend by period and team).
-- A month of a busy ledger is a few thousand rows here against tens of thousands in spend_monthly and hundreds of
-- thousands in spend_daily (docs/performance.md). Maintained per delivery from the lines like spend_daily.
CREATE TABLE spend_person_daily (LIKE spend_daily INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE spend_person_daily DROP COLUMN model, DROP COLUMN provider, DROP COLUMN purpose, DROP COLUMN source;
ALTER TABLE spend_person_daily
    ADD CONSTRAINT spend_person_daily_key UNIQUE NULLS NOT DISTINCT (day, team, cost_center, person_ref);

CREATE TABLE spend_person_monthly (LIKE spend_monthly INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE spend_person_monthly DROP COLUMN model, DROP COLUMN provider, DROP COLUMN purpose, DROP COLUMN source;
ALTER TABLE spend_person_monthly
    ADD CONSTRAINT spend_person_monthly_key UNIQUE NULLS NOT DISTINCT (month, team, cost_center, person_ref);

-- A generation that already holds spend gets them from its daily sums (the same lines, summed again).
INSERT INTO spend_person_daily
SELECT day, team, cost_center, person_ref, SUM(records), SUM(input_tokens), SUM(output_tokens),
    SUM(cache_read_tokens), SUM(cache_write5m_tokens), SUM(cache_write1h_tokens), SUM(reasoning_tokens),
    SUM(cost_usd_micros), SUM(unpriced_records), SUM(reported_records), SUM(reported_cost_usd_micros),
    SUM(reported_our_cost_usd_micros), SUM(evidence_records), SUM(evidence_cost_usd_micros),
    SUM(evidence_reported_cost_usd_micros)
FROM spend_daily GROUP BY day, team, cost_center, person_ref;

INSERT INTO spend_person_monthly
SELECT date_trunc('month', day)::date, team, cost_center, person_ref, SUM(records), SUM(input_tokens),
    SUM(output_tokens), SUM(cache_read_tokens), SUM(cache_write5m_tokens), SUM(cache_write1h_tokens),
    SUM(reasoning_tokens), SUM(cost_usd_micros), SUM(unpriced_records), SUM(reported_records),
    SUM(reported_cost_usd_micros), SUM(reported_our_cost_usd_micros), SUM(evidence_records),
    SUM(evidence_cost_usd_micros), SUM(evidence_reported_cost_usd_micros)
FROM spend_daily GROUP BY date_trunc('month', day)::date, team, cost_center, person_ref;
