package dev.aispend.report.query;

/**
 * Spend summed over a group: records, tokens by type, our cost, unpriced records; for reconciliation the records
 * that came with a client-reported cost, that cost and our cost of the same records; and what other sources
 * (evidence, such as a provider's usage report) said about the same use. Integers only.
 */
public record SpendMeasures(long records, long inputTokens, long outputTokens, long cacheReadTokens,
                            long cacheWrite5mTokens, long cacheWrite1hTokens, long reasoningTokens,
                            long costUsdMicros, long unpricedRecords, long reportedRecords,
                            long reportedCostUsdMicros, long reportedOurCostUsdMicros, long evidenceRecords,
                            long evidenceCostUsdMicros, long evidenceReportedCostUsdMicros) {

    public static final SpendMeasures ZERO = new SpendMeasures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The column names, in the order of the record, as spend_daily names them. */
    static final String[] COLUMNS = {"records", "input_tokens", "output_tokens", "cache_read_tokens",
        "cache_write5m_tokens", "cache_write1h_tokens", "reasoning_tokens", "cost_usd_micros", "unpriced_records",
        "reported_records", "reported_cost_usd_micros", "reported_our_cost_usd_micros", "evidence_records",
        "evidence_cost_usd_micros", "evidence_reported_cost_usd_micros"};

    public static SpendMeasures of(long[] values) {
        return new SpendMeasures(values[0], values[1], values[2], values[3], values[4], values[5], values[6],
                values[7], values[8], values[9], values[10], values[11], values[12], values[13], values[14]);
    }

    public long totalTokens() {
        return Math.addExact(Math.addExact(Math.addExact(inputTokens, outputTokens),
                Math.addExact(cacheReadTokens, cacheWrite5mTokens)), Math.addExact(cacheWrite1hTokens,
                reasoningTokens));
    }

    /** Our cost minus what clients reported, over the records that came with a reported cost. */
    public long reportedDifferenceUsdMicros() {
        return Math.subtractExact(reportedOurCostUsdMicros, reportedCostUsdMicros);
    }

    public SpendMeasures plus(SpendMeasures other) {
        return new SpendMeasures(Math.addExact(records, other.records), Math.addExact(inputTokens, other.inputTokens),
                Math.addExact(outputTokens, other.outputTokens), Math.addExact(cacheReadTokens, other.cacheReadTokens),
                Math.addExact(cacheWrite5mTokens, other.cacheWrite5mTokens),
                Math.addExact(cacheWrite1hTokens, other.cacheWrite1hTokens),
                Math.addExact(reasoningTokens, other.reasoningTokens), Math.addExact(costUsdMicros, other.costUsdMicros),
                Math.addExact(unpricedRecords, other.unpricedRecords), Math.addExact(reportedRecords, other.reportedRecords),
                Math.addExact(reportedCostUsdMicros, other.reportedCostUsdMicros),
                Math.addExact(reportedOurCostUsdMicros, other.reportedOurCostUsdMicros),
                Math.addExact(evidenceRecords, other.evidenceRecords),
                Math.addExact(evidenceCostUsdMicros, other.evidenceCostUsdMicros),
                Math.addExact(evidenceReportedCostUsdMicros, other.evidenceReportedCostUsdMicros));
    }
}
