package dev.aispend.bench;

import java.util.HashMap;
import java.util.Map;

/** Command-line options of the benchmark, each {@code --name=value}, each with a default for the local system. */
record BenchOptions(int records, int concurrency, int batchSize, String ingestUrl, String ledgerUrl, String reportUrl,
                    String ledgerJdbcUrl, String jdbcUser, String jdbcPassword, int copyRows,
                    int visibleTimeoutSeconds) {

    static final int MAX_RECORDS = 10_000_000;
    static final int MAX_CONCURRENCY = 1_024;
    /** The ingest service's own upper bound for INGEST_MAX_BATCH_RECORDS. */
    static final int MAX_BATCH_SIZE = 10_000;

    static BenchOptions parse(String[] arguments) {
        Map<String, String> values = values(arguments);
        BenchOptions options = new BenchOptions(
                bounded(values.remove("records"), 200_000, MAX_RECORDS, "records"),
                bounded(values.remove("concurrency"), 64, MAX_CONCURRENCY, "concurrency"),
                bounded(values.remove("batch-size"), 1, MAX_BATCH_SIZE, "batch-size"),
                values.getOrDefault("ingest", "http://127.0.0.1:8081"),
                values.getOrDefault("ledger", "http://127.0.0.1:8082"),
                values.getOrDefault("report", "http://127.0.0.1:8084"),
                values.getOrDefault("ledger-jdbc", "jdbc:postgresql://localhost:5433/ledger"),
                values.getOrDefault("jdbc-user", "postgres"),
                values.getOrDefault("jdbc-password", ""),
                bounded(values.remove("copy-rows"), 200_000, MAX_RECORDS, "copy-rows"),
                bounded(values.remove("visible-timeout-seconds"), 1_800, 86_400, "visible-timeout-seconds"));
        values.keySet().removeAll(java.util.List.of("ingest", "ledger", "report", "ledger-jdbc", "jdbc-user",
                "jdbc-password"));
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + values.keySet());
        }
        return options;
    }

    /** Every {@code --name=value} by name; shared with {@link CheckBenchOptions}. */
    static Map<String, String> values(String[] arguments) {
        Map<String, String> values = new HashMap<>();
        for (String argument : arguments) {
            if (!argument.startsWith("--") || !argument.contains("=")) {
                throw new IllegalArgumentException("options look like --records=200000, not " + argument);
            }
            values.put(argument.substring(2, argument.indexOf('=')), argument.substring(argument.indexOf('=') + 1));
        }
        return values;
    }

    static int bounded(String value, int fallback, int maximum, String name) {
        return bounded(value, fallback, 1, maximum, name);
    }

    static int bounded(String value, int fallback, int minimum, int maximum, String name) {
        int parsed;
        try {
            parsed = value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not " + value);
        }
        if (parsed < minimum || parsed > maximum) {
            throw new IllegalArgumentException("--" + name + " must be within " + minimum + ".." + maximum);
        }
        return parsed;
    }
}
