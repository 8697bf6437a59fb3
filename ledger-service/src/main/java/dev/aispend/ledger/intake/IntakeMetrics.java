package dev.aispend.ledger.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * What the intake did, counted after commit only: records by outcome, and each batch's size and duration. A batch
 * is the ledger's unit of appending (one transaction per polled batch), so these two are the append batch size and
 * latency (docs/metrics.md).
 */
@Singleton
final class IntakeMetrics {
    private final Counter recorded;
    private final Counter repeated;
    private final Counter conflicting;
    private final Counter quarantined;
    private final DistributionSummary batchRecords;
    private final Timer batchDuration;

    IntakeMetrics(MeterRegistry meters) {
        this.recorded = meters.counter("aispend.ledger.intake.recorded");
        this.repeated = meters.counter("aispend.ledger.intake.repeated");
        this.conflicting = meters.counter("aispend.ledger.intake.conflicts");
        this.quarantined = meters.counter("aispend.ledger.intake.quarantined");
        this.batchRecords = DistributionSummary.builder("aispend.ledger.intake.batch.records")
                .description("records in one intake batch, appended in one transaction")
                .baseUnit("records").publishPercentileHistogram().minimumExpectedValue(1.0)
                .maximumExpectedValue(10_000.0).register(meters);
        this.batchDuration = Timer.builder("aispend.ledger.intake.batch.duration")
                .description("time to decode an intake batch, append it and commit the transaction")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60)).register(meters);
    }

    /** What one batch did. */
    static final class Counts {
        int recorded;
        int repeated;
        int conflicting;
        int quarantined;

        void add(Counts other) {
            recorded += other.recorded;
            repeated += other.repeated;
            conflicting += other.conflicting;
            quarantined += other.quarantined;
        }
    }

    /** One committed batch of {@code records} records, handled (decoded, appended, committed) in {@code nanoseconds}. */
    void count(Counts counts, int records, long nanoseconds) {
        batchRecords.record(records);
        batchDuration.record(nanoseconds, TimeUnit.NANOSECONDS);
        recorded.increment(counts.recorded);
        repeated.increment(counts.repeated);
        conflicting.increment(counts.conflicting);
        quarantined.increment(counts.quarantined);
    }
}
