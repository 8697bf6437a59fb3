package dev.aispend.ledger.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/** Counters of what the intake did, incremented after commit only. */
@Singleton
final class IntakeMetrics {
    private final Counter recorded;
    private final Counter repeated;
    private final Counter conflicting;
    private final Counter quarantined;

    IntakeMetrics(MeterRegistry meters) {
        this.recorded = meters.counter("aispend.ledger.intake.recorded");
        this.repeated = meters.counter("aispend.ledger.intake.repeated");
        this.conflicting = meters.counter("aispend.ledger.intake.conflicts");
        this.quarantined = meters.counter("aispend.ledger.intake.quarantined");
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

    void count(Counts counts) {
        recorded.increment(counts.recorded);
        repeated.increment(counts.repeated);
        conflicting.increment(counts.conflicting);
        quarantined.increment(counts.quarantined);
    }
}
