package dev.aispend.ingest.acceptance;

import java.time.Duration;

/**
 * The limits the acceptance path applies to every format (configured under {@code ingest.*}, each with an
 * environment variable; see application.yml).
 *
 * @param maxTokensPerRecord       the most tokens one record from a live client may carry, all types together
 * @param maxBackfillTokensPerRecord the most tokens one imported record may carry: a provider report's bucket is an
 *                                 aggregate of many calls (an organisation's day), far above any one call
 * @param maxClockSkew             how far in the future a time may lie (clients with fast clocks)
 * @param maxRecordAge             how far in the past a live client's time may lie
 * @param maxBackfillAge           how far in the past a provider import's time may lie
 * @param maxBatchRecords          the most records one request may carry (for OTLP: the points, log records and
 *                                 spans we record)
 * @param maxAttributes            the most extra attributes one usage record may carry
 * @param maxReportedCostUsdMicros the largest client-reported cost of one record
 */
public record IngestLimits(
        long maxTokensPerRecord,
        long maxBackfillTokensPerRecord,
        Duration maxClockSkew,
        Duration maxRecordAge,
        Duration maxBackfillAge,
        int maxBatchRecords,
        int maxAttributes,
        long maxReportedCostUsdMicros) {

    /** Upper bound for the configurable batch limit: a batch is published and acknowledged as one request. */
    public static final int MAX_BATCH_RECORDS_LIMIT = 10_000;

    public IngestLimits {
        // Six counts of at most 2^58 each sum below 2^61: a total never overflows a long.
        if (maxTokensPerRecord < 1 || maxTokensPerRecord > (1L << 58)
                || maxBackfillTokensPerRecord < 1 || maxBackfillTokensPerRecord > (1L << 58)) {
            throw new IllegalArgumentException("maxTokensPerRecord and maxBackfillTokensPerRecord must be within "
                    + "1..2^58");
        }
        if (maxClockSkew.isNegative()) {
            throw new IllegalArgumentException("maxClockSkew must not be negative");
        }
        if (maxRecordAge.isNegative() || maxRecordAge.isZero() || maxBackfillAge.isNegative()
                || maxBackfillAge.isZero()) {
            throw new IllegalArgumentException("maxRecordAge and maxBackfillAge must be positive");
        }
        if (maxBatchRecords < 1 || maxBatchRecords > MAX_BATCH_RECORDS_LIMIT) {
            throw new IllegalArgumentException("maxBatchRecords must be within 1.." + MAX_BATCH_RECORDS_LIMIT);
        }
        if (maxAttributes < 0 || maxAttributes > 256) {
            throw new IllegalArgumentException("maxAttributes must be within 0..256");
        }
        if (maxReportedCostUsdMicros < 0) {
            throw new IllegalArgumentException("maxReportedCostUsdMicros must not be negative");
        }
    }
}
