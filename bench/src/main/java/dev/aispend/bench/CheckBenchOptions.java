package dev.aispend.bench;

import java.util.List;
import java.util.Map;

/**
 * Options of {@link CheckLatencyBenchmark}, each {@code --name=value}, each bounded, each with a default for the
 * local system.
 *
 * @param checks                measured checks
 * @param concurrency           callers, each with one check in flight
 * @param checksPerSecond       the rate checks are sent at (an open loop); 0 for a closed loop, each caller
 *                              sending its next check as soon as the last is answered
 * @param warmupChecks          checks before the measured ones, not counted (JIT, connection pools)
 * @param policyUrl             policy-service
 * @param seed                  seed of the teams, people and estimates of the checks
 * @param maxEstimateUsdMicros  estimates are drawn from 1..this (RESERVE)
 * @param reservationTtlSeconds how long each allowed check holds its reservation (they expire; none are released)
 * @param estimates             which path the checks take
 * @param checkIds              whether each check carries a checkId (the service then first looks for an earlier
 *                              answer of that id, as for a client's retry)
 */
record CheckBenchOptions(int checks, int concurrency, int checksPerSecond, int warmupChecks, String policyUrl, long seed,
                         int maxEstimateUsdMicros, int reservationTtlSeconds, Estimates estimates,
                         boolean checkIds) {

    static final int MAX_CHECKS = 10_000_000;
    static final int MAX_CHECKS_PER_SECOND = 100_000;

    /** Which path the measured checks take through the service. */
    enum Estimates {
        /** Small estimates within every cap: ALLOW, a reservation against every budget in scope. */
        RESERVE,
        /** Estimate 0: ALLOW with the same row locks, but no reservation rows. */
        ZERO,
        /** Above the cap of a hard-capped team budget: DENY, no reservation. */
        OVER_CAP;

        static Estimates parse(String value) {
            for (Estimates estimates : values()) {
                if (estimates.name().toLowerCase().replace('_', '-').equals(value)) {
                    return estimates;
                }
            }
            throw new IllegalArgumentException("--estimates must be reserve, zero or over-cap, not " + value);
        }
    }

    static CheckBenchOptions parse(String[] arguments) {
        Map<String, String> values = BenchOptions.values(arguments);
        CheckBenchOptions options = new CheckBenchOptions(
                BenchOptions.bounded(values.remove("checks"), 20_000, MAX_CHECKS, "checks"),
                BenchOptions.bounded(values.remove("concurrency"), 16, BenchOptions.MAX_CONCURRENCY, "concurrency"),
                BenchOptions.bounded(values.remove("rate"), 0, 0, MAX_CHECKS_PER_SECOND, "rate"),
                BenchOptions.bounded(values.remove("warmup"), 2_000, 0, MAX_CHECKS, "warmup"),
                values.getOrDefault("policy", "http://127.0.0.1:8083"),
                seed(values.remove("seed")),
                BenchOptions.bounded(values.remove("max-estimate-usd-micros"), 20_000, 1_000_000_000,
                        "max-estimate-usd-micros"),
                // The service's default upper bound (checks.max-reservation-ttl) is one hour.
                BenchOptions.bounded(values.remove("reservation-ttl-seconds"), 60, 3_600, "reservation-ttl-seconds"),
                Estimates.parse(values.getOrDefault("estimates", "reserve")),
                flag(values.remove("check-ids"), true, "check-ids"));
        values.keySet().removeAll(List.of("policy", "estimates"));
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + values.keySet());
        }
        return options;
    }

    private static long seed(String value) {
        try {
            return value == null ? 7 : Long.parseLong(value);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("--seed must be a whole number, not " + value);
        }
    }

    private static boolean flag(String value, boolean fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("--" + name + " must be true or false, not " + value);
        }
        return Boolean.parseBoolean(value);
    }
}
