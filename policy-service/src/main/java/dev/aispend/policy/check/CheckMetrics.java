package dev.aispend.policy.check;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The checks' meters, at /prometheus: checks answered by result (repeats of a checkId not counted again),
 * reservations released by the sweeper, check decisions published, the outbox depth the relay last saw and its
 * failed attempts in a row.
 */
@Singleton
public final class CheckMetrics {
    private final Map<CheckResult, Counter> checks = new EnumMap<>(CheckResult.class);
    private final Counter expired;
    private final Counter published;
    private final AtomicLong outboxDepth = new AtomicLong();
    private final AtomicLong relayFailures = new AtomicLong();

    public CheckMetrics(MeterRegistry meters) {
        for (CheckResult result : CheckResult.values()) {
            checks.put(result, Counter.builder("aispend.policy.checks").tag("result", result.name())
                    .description("pre-flight checks answered, by result").register(meters));
        }
        expired = Counter.builder("aispend.policy.check.reservations.expired")
                .description("reservation rows released because they expired").register(meters);
        published = Counter.builder("aispend.policy.check.decisions.published")
                .description("check decisions the broker acknowledged on decisions.v1").register(meters);
        meters.gauge("aispend.policy.check.outbox.depth", outboxDepth);
        // Above 0 while the broker refuses or is away: decisions wait in the outbox, checks go on.
        meters.gauge("aispend.policy.check.relay.consecutive.failures", relayFailures);
    }

    void checked(CheckResult result) {
        checks.get(result).increment();
    }

    void expired(int rows) {
        expired.increment(rows);
    }

    void published(int decisions) {
        published.increment(decisions);
    }

    void outboxDepth(long depth) {
        outboxDepth.set(depth);
    }

    void relayFailures(int consecutive) {
        relayFailures.set(consecutive);
    }

    public long outboxDepth() {
        return outboxDepth.get();
    }
}
