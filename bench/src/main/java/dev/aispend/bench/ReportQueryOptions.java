package dev.aispend.bench;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Options of {@link ReportQueryBenchmark}, each {@code --name=value}, each bounded, each with a default for the
 * local system.
 *
 * @param entries         spend entries to load before measuring (0: measure what is there)
 * @param outcomeEvery    one merged-PR outcome entry per this many spend entries
 * @param people          people the spend is spread over (each in one team)
 * @param teams           teams
 * @param firstDay        first UTC day of use of the loaded entries
 * @param days            days the loaded entries are spread over
 * @param month           the month the spend queries ask for
 * @param seed            seed of every drawn value (PostgreSQL's hashint8extended of the position and the seed)
 * @param concurrency     callers, each with one request in flight
 * @param warmupSeconds   seconds of requests per query before the measured ones, not counted
 * @param durationSeconds measured seconds per query
 * @param asOfBack        the as-of query asks for the position this many entries before the last applied
 * @param explain         whether to EXPLAIN (ANALYZE, BUFFERS) the spend queries' SQL after measuring
 */
record ReportQueryOptions(int entries, int outcomeEvery, int people, int teams, LocalDate firstDay, int days,
                          YearMonth month, long seed, int concurrency, int warmupSeconds, int durationSeconds,
                          int asOfBack, boolean explain, String reportUrl, String reportJdbcUrl, String jdbcUser,
                          String jdbcPassword, String out) {

    static final int MAX_ENTRIES = 50_000_000;

    static ReportQueryOptions parse(String[] arguments) {
        Map<String, String> values = BenchOptions.values(arguments);
        ReportQueryOptions options = new ReportQueryOptions(
                BenchOptions.bounded(values.remove("entries"), 0, 0, MAX_ENTRIES, "entries"),
                BenchOptions.bounded(values.remove("outcome-every"), 200, 1, 1_000_000, "outcome-every"),
                BenchOptions.bounded(values.remove("people"), 600, 1, 1_000_000, "people"),
                BenchOptions.bounded(values.remove("teams"), 10, 1, TEAM_NAMES.size(), "teams"),
                day(values.remove("first-day"), LocalDate.of(2026, 8, 1)),
                BenchOptions.bounded(values.remove("days"), 92, 1, 366, "days"),
                month(values.remove("month"), YearMonth.of(2026, 10)),
                seed(values.remove("seed")),
                BenchOptions.bounded(values.remove("concurrency"), 4, 1, BenchOptions.MAX_CONCURRENCY, "concurrency"),
                BenchOptions.bounded(values.remove("warmup-seconds"), 5, 0, 3_600, "warmup-seconds"),
                BenchOptions.bounded(values.remove("duration-seconds"), 30, 1, 3_600, "duration-seconds"),
                BenchOptions.bounded(values.remove("as-of-back"), 10_000, 0, MAX_ENTRIES, "as-of-back"),
                flag(values.remove("explain"), true, "explain"),
                values.getOrDefault("report", "http://127.0.0.1:8084"),
                values.getOrDefault("report-jdbc", "jdbc:postgresql://localhost:5433/report"),
                values.getOrDefault("jdbc-user", "postgres"),
                values.getOrDefault("jdbc-password", ""),
                values.getOrDefault("out", "bench/target/report-query-benchmark.json"));
        values.keySet().removeAll(List.of("report", "report-jdbc", "jdbc-user", "jdbc-password", "out"));
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + values.keySet());
        }
        return options;
    }

    /** The same options with another number of entries to load. */
    ReportQueryOptions withEntries(int loaded) {
        return new ReportQueryOptions(loaded, outcomeEvery, people, teams, firstDay, days, month, seed, concurrency,
                warmupSeconds, durationSeconds, asOfBack, explain, reportUrl, reportJdbcUrl, jdbcUser, jdbcPassword,
                out);
    }

    /** Team names, realistic enough to read in a report; the first {@code --teams} are used. */
    static final List<String> TEAM_NAMES = List.of("platform", "data", "search", "mobile", "web", "payments",
            "infra", "ml", "growth", "security", "support", "design", "sales-eng", "devex", "billing", "identity");

    private static LocalDate day(String value, LocalDate fallback) {
        try {
            return value == null ? fallback : LocalDate.parse(value);
        } catch (DateTimeParseException notADay) {
            throw new IllegalArgumentException("--first-day must be a day like 2026-08-01, not " + value);
        }
    }

    private static YearMonth month(String value, YearMonth fallback) {
        try {
            return value == null ? fallback : YearMonth.parse(value);
        } catch (DateTimeParseException notAMonth) {
            throw new IllegalArgumentException("--month must be a month like 2026-10, not " + value);
        }
    }

    private static long seed(String value) {
        try {
            return value == null ? 11 : Long.parseLong(value);
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
