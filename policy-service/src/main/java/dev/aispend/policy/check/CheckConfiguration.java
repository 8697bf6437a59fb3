package dev.aispend.policy.check;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * Pre-flight checks ({@code checks.*} in application.yml, each with an environment variable).
 *
 * @param reservationTtl            how long an allowed check holds its reservation unless the request asks for less
 *                                  or more (default 10 min)
 * @param maxReservationTtl         the most a request may ask for ({@code reservationTtlSeconds})
 * @param maxEstimatedCostUsdMicros the largest estimate a check may state or price to
 * @param maxEstimatedTokensPerType the largest token count of each type a check may state
 * @param expiryInterval            how often expired reservations are released (the sweeper's period)
 * @param expiryBatchSize           reservation rows released per transaction of the sweeper
 * @param idempotencyRetention      how long a checkId is remembered (its answer repeated, its reuse refused)
 * @param decisionBatchSize         check decisions published per batch of the relay
 * @param relayInterval             how long the relay waits for a check to commit before looking anyway
 * @param relayLinger               how long the relay, woken by a check, waits for more before it publishes
 * @param publishTimeout            how long the relay waits for the broker to acknowledge a batch
 * @param relayRetryMaxDelay        the longest pause between relay attempts while the broker is away
 * @param decisionsTopicPartitions  partitions of decisions.v1 if policy-service creates it (the ledger does too)
 */
@ConfigurationProperties("checks")
public record CheckConfiguration(Duration reservationTtl, Duration maxReservationTtl,
                                 long maxEstimatedCostUsdMicros, long maxEstimatedTokensPerType,
                                 Duration expiryInterval, int expiryBatchSize, Duration idempotencyRetention,
                                 int decisionBatchSize, Duration relayInterval, Duration relayLinger,
                                 Duration publishTimeout,
                                 Duration relayRetryMaxDelay, int decisionsTopicPartitions) {
    /** Bounds the work of one relay or sweeper transaction. */
    static final int MAX_BATCH = 10_000;

    public CheckConfiguration {
        requirePositive("checks.reservation-ttl", reservationTtl);
        requirePositive("checks.max-reservation-ttl", maxReservationTtl);
        if (reservationTtl.compareTo(maxReservationTtl) > 0) {
            throw new IllegalArgumentException("checks.reservation-ttl must not exceed checks.max-reservation-ttl");
        }
        if (maxEstimatedCostUsdMicros < 1 || maxEstimatedTokensPerType < 1) {
            throw new IllegalArgumentException("checks.max-estimated-* must be positive");
        }
        requirePositive("checks.expiry-interval", expiryInterval);
        requirePositive("checks.idempotency-retention", idempotencyRetention);
        requirePositive("checks.relay-interval", relayInterval);
        if (relayLinger == null || relayLinger.isNegative()) {
            throw new IllegalArgumentException("checks.relay-linger must not be negative");
        }
        requirePositive("checks.publish-timeout", publishTimeout);
        requirePositive("checks.relay-retry-max-delay", relayRetryMaxDelay);
        if (expiryBatchSize < 1 || expiryBatchSize > MAX_BATCH || decisionBatchSize < 1
                || decisionBatchSize > MAX_BATCH) {
            throw new IllegalArgumentException("checks.expiry-batch-size and checks.decision-batch-size must be "
                    + "within 1.." + MAX_BATCH);
        }
        if (decisionsTopicPartitions < 1) {
            throw new IllegalArgumentException("checks.decisions-topic-partitions must be positive");
        }
    }

    /** The defaults of application.yml, for tests that build the check path without a context. */
    public static CheckConfiguration defaults() {
        return new CheckConfiguration(Duration.ofMinutes(10), Duration.ofHours(1), 1_000_000_000_000L, 50_000_000L,
                Duration.ofSeconds(15), 1000, Duration.ofDays(7), 500, Duration.ofSeconds(1),
                Duration.ofMillis(50), Duration.ofSeconds(30), Duration.ofSeconds(30), 3);
    }

    private static void requirePositive(String key, Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(key + " must be a positive duration");
        }
    }
}
