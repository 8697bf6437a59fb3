package dev.aispend.report.projection;

import dev.aispend.contracts.ledger.Spend;
import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.contracts.usage.TokenCounts;

/**
 * What one line adds to a spend total: a record count, tokens by type, our cost, how many of the records are
 * unpriced, and, for reconciliation, the records that came with a client-reported cost, that cost, and our cost
 * of the same records. Signed: a re-attribution subtracts at the old key what it adds at the new one. Every sum
 * is overflow-checked; a total that cannot be represented stops the follower instead of wrapping.
 */
record SpendAmounts(long records, long inputTokens, long outputTokens, long cacheReadTokens,
                    long cacheWrite5mTokens, long cacheWrite1hTokens, long reasoningTokens, long costUsdMicros,
                    long unpricedRecords, long reportedRecords, long reportedCostUsdMicros,
                    long reportedOurCostUsdMicros) {

    /** One recorded use: a record, its tokens, its price (or unpriced), and what the client said it cost. */
    static SpendAmounts of(SpendRecorded recorded) {
        Spend spend = recorded.spend();
        TokenCounts tokens = spend.tokens();
        boolean reported = recorded.reportedCostUsdMicros() != null;
        return new SpendAmounts(1, tokens.inputTokens(), tokens.outputTokens(), tokens.cacheReadTokens(),
                tokens.cacheWrite5mTokens(), tokens.cacheWrite1hTokens(), tokens.reasoningTokens(),
                spend.costUsdMicros(), spend.priced() ? 0 : 1, reported ? 1 : 0,
                reported ? recorded.reportedCostUsdMicros() : 0, reported ? spend.costUsdMicros() : 0);
    }

    /**
     * A re-pricing: no record and no tokens (counted when recorded), the cost delta, the change of pricedness, and
     * the same delta on our cost of reported records when the original came with a reported cost.
     */
    static SpendAmounts repricing(long costDeltaUsdMicros, long unpricedDelta, boolean originalReported) {
        return new SpendAmounts(0, 0, 0, 0, 0, 0, 0, costDeltaUsdMicros, unpricedDelta, 0, 0,
                originalReported ? costDeltaUsdMicros : 0);
    }

    SpendAmounts negated() {
        return new SpendAmounts(Math.negateExact(records), Math.negateExact(inputTokens),
                Math.negateExact(outputTokens), Math.negateExact(cacheReadTokens),
                Math.negateExact(cacheWrite5mTokens), Math.negateExact(cacheWrite1hTokens),
                Math.negateExact(reasoningTokens), Math.negateExact(costUsdMicros),
                Math.negateExact(unpricedRecords), Math.negateExact(reportedRecords),
                Math.negateExact(reportedCostUsdMicros), Math.negateExact(reportedOurCostUsdMicros));
    }
}
