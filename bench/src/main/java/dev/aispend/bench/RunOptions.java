package dev.aispend.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Options of the whole benchmark run ({@link Benchmark}), each {@code --name=value}, each bounded, each with a
 * default for the system {@code ./run-local} starts. docs/performance.md lists them with what each phase does.
 */
record RunOptions(Set<String> phases, Long seed, int loadDays, int loadPeople, int loadConcurrency,
                  int loadChecksPerSecond, int singleRecords, int singleConcurrency, int pacedRecordsPerSecond,
                  int pacedSeconds, int pacedBatchSize, int checks, int checkConcurrency, int checksPerSecond,
                  int copyRows, int producerRecords, int appendRecords, List<Integer> reportEntries, int reportSeconds,
                  int visibleTimeoutSeconds, String profileDirectory, String out, Urls urls) {

    /** Every phase, in the order a run takes them: the reports' load goes last, as it writes past the ledger. */
    static final List<String> PHASES = List.of("limits", "append", "load", "single", "paced", "checks", "history",
            "reports");

    /** Where the system listens. */
    record Urls(String ingest, String ledger, String policy, String report, String ledgerJdbc, String reportJdbc,
                String jdbcUser, String jdbcPassword, String kafka) {
    }

    static RunOptions parse(String[] arguments) {
        Map<String, String> values = BenchOptions.values(arguments);
        RunOptions options = new RunOptions(
                phases(values.remove("phases")),
                seed(values.remove("seed")),
                BenchOptions.bounded(values.remove("load-days"), 30, 7, 92, "load-days"),
                BenchOptions.bounded(values.remove("load-people"), 1_000, 30, 1_000, "load-people"),
                BenchOptions.bounded(values.remove("load-concurrency"), 16, 1, BenchOptions.MAX_CONCURRENCY,
                        "load-concurrency"),
                BenchOptions.bounded(values.remove("load-checks-per-second"), 20, 0, 10_000, "load-checks-per-second"),
                BenchOptions.bounded(values.remove("single-records"), 60_000, 0, BenchOptions.MAX_RECORDS,
                        "single-records"),
                BenchOptions.bounded(values.remove("single-concurrency"), 64, 1, BenchOptions.MAX_CONCURRENCY,
                        "single-concurrency"),
                BenchOptions.bounded(values.remove("paced-records-per-second"), 5_000, 1, 1_000_000,
                        "paced-records-per-second"),
                BenchOptions.bounded(values.remove("paced-seconds"), 30, 1, 3_600, "paced-seconds"),
                BenchOptions.bounded(values.remove("paced-batch-size"), 50, 1, BenchOptions.MAX_BATCH_SIZE,
                        "paced-batch-size"),
                BenchOptions.bounded(values.remove("checks"), 6_000, 1, CheckBenchOptions.MAX_CHECKS, "checks"),
                BenchOptions.bounded(values.remove("check-concurrency"), 8, 1, BenchOptions.MAX_CONCURRENCY,
                        "check-concurrency"),
                BenchOptions.bounded(values.remove("checks-per-second"), 200, 0, CheckBenchOptions.MAX_CHECKS_PER_SECOND,
                        "checks-per-second"),
                BenchOptions.bounded(values.remove("copy-rows"), 200_000, 1, BenchOptions.MAX_RECORDS, "copy-rows"),
                BenchOptions.bounded(values.remove("producer-records"), 1_000_000, 1, BenchOptions.MAX_RECORDS,
                        "producer-records"),
                BenchOptions.bounded(values.remove("append-records"), 200_000, 1, BenchOptions.MAX_RECORDS,
                        "append-records"),
                entries(values.remove("report-entries")),
                BenchOptions.bounded(values.remove("report-seconds"), 20, 1, 3_600, "report-seconds"),
                BenchOptions.bounded(values.remove("visible-timeout-seconds"), 1_800, 1, 86_400,
                        "visible-timeout-seconds"),
                values.remove("profile"),
                values.getOrDefault("out", "bench/target/benchmark.json"),
                new Urls(values.getOrDefault("ingest", "http://127.0.0.1:8081"),
                        values.getOrDefault("ledger", "http://127.0.0.1:8082"),
                        values.getOrDefault("policy", "http://127.0.0.1:8083"),
                        values.getOrDefault("report", "http://127.0.0.1:8084"),
                        values.getOrDefault("ledger-jdbc", "jdbc:postgresql://localhost:5433/ledger"),
                        values.getOrDefault("report-jdbc", "jdbc:postgresql://localhost:5433/report"),
                        values.getOrDefault("jdbc-user", "postgres"),
                        values.getOrDefault("jdbc-password", ""),
                        values.getOrDefault("kafka", "localhost:9092")));
        values.keySet().removeAll(List.of("out", "ingest", "ledger", "policy", "report", "ledger-jdbc", "report-jdbc",
                "jdbc-user", "jdbc-password", "kafka"));
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + values.keySet());
        }
        return options;
    }

    boolean runs(String phase) {
        return phases.contains(phase);
    }

    private static Set<String> phases(String value) {
        if (value == null) {
            return new LinkedHashSet<>(PHASES);
        }
        Set<String> phases = new LinkedHashSet<>();
        for (String phase : value.split(",")) {
            if (!PHASES.contains(phase.strip())) {
                throw new IllegalArgumentException("--phases takes some of " + PHASES + ", not " + phase);
            }
            phases.add(phase.strip());
        }
        return phases;
    }

    /**
     * The load's seed, or null: then the run takes the demo's default plus the ledger's head position at its start,
     * so a fresh system always gets the same load and a second run on the same system gets new ids.
     */
    private static Long seed(String value) {
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("--seed must be a whole number, not " + value);
        }
    }

    /** Ledger sizes, ascending, at which the report queries are measured: {@code 1000000,10000000}; 0 skips. */
    private static List<Integer> entries(String value) {
        List<Integer> sizes = new ArrayList<>();
        for (String size : (value == null ? "1000000,10000000" : value).split(",")) {
            int entries = BenchOptions.bounded(size.strip(), 0, 0, ReportQueryOptions.MAX_ENTRIES, "report-entries");
            if (entries > 0 && !sizes.isEmpty() && entries <= sizes.get(sizes.size() - 1)) {
                throw new IllegalArgumentException("--report-entries must be ascending, not " + value);
            }
            if (entries > 0) {
                sizes.add(entries);
            }
        }
        return List.copyOf(sizes);
    }
}
