package dev.aispend.ledger.seal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The outcome of the latest verification this instance ran (GET /v1/ledger/verify or a verification job):
 * {@code aispend.ledger.verification.verified} 1 when it found the range intact, 0 when it found damage (absent from
 * the scrape before the first since start); {@code aispend.ledger.verification.completed.time} when it finished
 * (Unix seconds); and
 * {@code aispend.ledger.verifications} counted by result. A run that could not read the ledger is no result and
 * changes nothing here (its job says FAILED, the log says why).
 */
@Singleton
final class VerificationStatus {
    private final Clock clock = Clock.systemUTC();
    private final Counter verified;
    private final Counter damaged;
    private volatile double lastVerified = Double.NaN;
    private volatile double lastCompletedEpochSeconds = Double.NaN;

    VerificationStatus(MeterRegistry meters) {
        Gauge.builder("aispend.ledger.verification.verified", this, status -> status.lastVerified)
                .description("1 when the latest verification found the ledger intact, 0 when it found damage")
                .register(meters);
        Gauge.builder("aispend.ledger.verification.completed.time", this, status -> status.lastCompletedEpochSeconds)
                .baseUnit("seconds").description("when the latest verification finished, in Unix time")
                .register(meters);
        verified = verifications(meters, "verified");
        damaged = verifications(meters, "damaged");
    }

    private static Counter verifications(MeterRegistry meters, String result) {
        return Counter.builder("aispend.ledger.verifications").tag("result", result)
                .description("verifications completed, by result").register(meters);
    }

    /** Notes a completed verification; answers the report, so a verifier can return through it. */
    VerificationReport completed(VerificationReport report) {
        (report.verified() ? verified : damaged).increment();
        lastVerified = report.verified() ? 1 : 0;
        lastCompletedEpochSeconds = clock.millis() / 1000.0;
        return report;
    }
}
