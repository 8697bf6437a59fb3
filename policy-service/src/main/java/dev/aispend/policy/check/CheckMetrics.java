package dev.aispend.policy.check;

import dev.aispend.policy.decision.DecisionMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The checks' meters, at /prometheus: checks answered by result (repeats of a checkId not counted again), how long
 * the service took to answer each request, reservations released by the sweeper, check decisions published, the
 * outbox depth the relay last saw and its failed attempts in a row.
 *
 * <p>The duration ({@code aispend_policy_check_duration_seconds}) is what the 5 ms p99 target of pre-flight checks
 * is about (docs/performance.md): a histogram, so p50/p99 are computed from its buckets by whoever scrapes it
 * ({@code histogram_quantile} in Prometheus, the check benchmark from the difference over its run), aggregated
 * over instances. Buckets start at 100 µs (Micrometer's default floor of 1 ms would put most checks in one bucket);
 * exact ones at 1, 2, 5 and 10 ms give the share under 5 ms without interpolating. No percentiles computed in the
 * service: the Prometheus registry does not export them beside a histogram.
 */
@Singleton
public final class CheckMetrics {
    /** The duration's result tag beside ALLOW, WARN and DENY: refused with 4xx, or failed (5xx). */
    static final String REFUSED = "REFUSED";
    static final String FAILED = "FAILED";

    private final Map<CheckResult, Counter> checks = new EnumMap<>(CheckResult.class);
    private final Map<String, Timer> durations = new HashMap<>();
    private final Counter expired;
    private final Counter published;
    /** The same count in aispend.policy.decisions.published, beside the evaluators' kinds. */
    private final Counter publishedOfKind;
    private final AtomicLong outboxDepth = new AtomicLong();
    private final AtomicLong relayFailures = new AtomicLong();

    public CheckMetrics(MeterRegistry meters) {
        for (CheckResult result : CheckResult.values()) {
            checks.put(result, Counter.builder("aispend.policy.checks").tag("result", result.name())
                    .description("pre-flight checks answered, by result").register(meters));
            durations.put(result.name(), duration(meters, result.name()));
        }
        durations.put(REFUSED, duration(meters, REFUSED));
        durations.put(FAILED, duration(meters, FAILED));
        expired = Counter.builder("aispend.policy.check.reservations.expired")
                .description("reservation rows released because they expired").register(meters);
        published = Counter.builder("aispend.policy.check.decisions.published")
                .description("check decisions the broker acknowledged on decisions.v1").register(meters);
        publishedOfKind = DecisionMetrics.published(meters, CheckDecisions.KIND);
        meters.gauge("aispend.policy.check.outbox.depth", outboxDepth);
        // Above 0 while the broker refuses or is away: decisions wait in the outbox, checks go on.
        meters.gauge("aispend.policy.check.relay.consecutive.failures", relayFailures);
    }

    private static Timer duration(MeterRegistry meters, String result) {
        return Timer.builder("aispend.policy.check.duration").tag("result", result)
                .description("time the service took to answer a pre-flight check (parsing, rules, the transaction "
                        + "with its commit), every request including repeats of a checkId, by result")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(100_000)).maximumExpectedValue(Duration.ofSeconds(10))
                .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
                        Duration.ofMillis(10))
                .register(meters);
    }

    /** One request answered ({@link CheckResult} name, {@link #REFUSED} or {@link #FAILED}) in that many ns. */
    void answered(String result, long nanoseconds) {
        durations.getOrDefault(result, durations.get(FAILED)).record(nanoseconds, TimeUnit.NANOSECONDS);
    }

    void checked(CheckResult result) {
        checks.get(result).increment();
    }

    void expired(int rows) {
        expired.increment(rows);
    }

    void published(int decisions) {
        published.increment(decisions);
        publishedOfKind.increment(decisions);
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
