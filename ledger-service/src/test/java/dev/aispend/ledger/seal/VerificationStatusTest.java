package dev.aispend.ledger.seal;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerificationStatusTest {
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final VerificationStatus status = new VerificationStatus(meters);

    @Test
    void shows_no_result_before_the_first_verification() {
        assertThat(gauge("aispend.ledger.verification.verified")).isNaN();
        assertThat(gauge("aispend.ledger.verification.completed.time")).isNaN();
    }

    @Test
    void shows_the_latest_result_and_counts_each_by_result() {
        status.completed(report(true));
        status.completed(report(false));

        assertThat(gauge("aispend.ledger.verification.verified")).isEqualTo(0.0);
        assertThat(gauge("aispend.ledger.verification.completed.time")).isPositive();
        assertThat(meters.get("aispend.ledger.verifications").tag("result", "verified").counter().count()).isEqualTo(1);
        assertThat(meters.get("aispend.ledger.verifications").tag("result", "damaged").counter().count()).isEqualTo(1);

        status.completed(report(true));
        assertThat(gauge("aispend.ledger.verification.verified")).isEqualTo(1.0);
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    private static VerificationReport report(boolean verified) {
        return verified ? new VerificationReport(1, 10, true, 10, 1, 5, 2000, null, null, null, null)
                : new VerificationReport(1, 10, false, 4, 0, 5, 800, 5L, VerificationReport.HASH_MISMATCH, null,
                "the entry hash at 5 does not match its bytes");
    }
}
