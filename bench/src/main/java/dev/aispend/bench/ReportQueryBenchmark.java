package dev.aispend.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Latency of report queries against a running report-service at a ledger of millions of entries: loads
 * {@code --entries} synthetic spend entries (and merged-PR outcomes) into the serving generation's read models as
 * the projection would have written them ({@link ReadModelLoad}), then sends each report query from C concurrent
 * callers for D seconds after a warm-up, and prints p50/p99/max and requests/s per query with the figures it
 * answered; last it EXPLAINs (ANALYZE, BUFFERS) a reference SQL of the spend splits over the widest sums
 * (SpendCubeSql) on the same database. Writes everything to a JSON file too. Asserts nothing (docs/performance.md, "Report queries at 1 and 10 million entries").
 *
 * <p>{@code java -cp bench/target/bench.jar dev.aispend.bench.ReportQueryBenchmark [--entries=0] [--people=600]
 * [--teams=10] [--outcome-every=200] [--first-day=2026-08-01] [--days=92] [--month=2026-10] [--seed=11]
 * [--concurrency=4] [--warmup-seconds=5] [--duration-seconds=30] [--as-of-back=10000] [--explain=true]
 * [--report=http://127.0.0.1:8084] [--report-jdbc=jdbc:postgresql://localhost:5433/report] [--jdbc-user=postgres]
 * [--jdbc-password=] [--out=bench/target/report-query-benchmark.json]}
 */
public final class ReportQueryBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final double TARGET_MILLIS = 100;

    private ReportQueryBenchmark() {
    }

    /** One report request: a name for the table, and its path and query. */
    record Query(String name, String path) {
    }

    public static void main(String[] arguments) throws Exception {
        ReportQueryOptions options = ReportQueryOptions.parse(arguments);
        HttpClient client = BenchHttpClient.create();
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("startedAt", Instant.now().toString());
        output.put("arguments", List.of(arguments));
        output.put("options", options.toString());
        output.put("processors", Runtime.getRuntime().availableProcessors());
        output.putAll(measure(client, options, 0, query -> true));
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        output.put("loadAverageAfter", load);
        Path file = Path.of(options.out());
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        JSON.writeValue(file.toFile(), output);
        System.out.printf("%nload average (1 min) %.2f on %d processors; written to %s%n", load,
                Runtime.getRuntime().availableProcessors(), file.toAbsolutePath());
    }

    /**
     * Loads entries into the serving generation (up to ledger position {@code upToPosition} when it is above 0, else
     * {@code options.entries()}), then measures the queries whose names {@code which} accepts; the figures as a map.
     */
    static Map<String, Object> measure(HttpClient client, ReportQueryOptions options, long upToPosition,
                                       Predicate<String> which) throws Exception {
        Map<String, Object> output = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(options.reportJdbcUrl(), options.jdbcUser(),
                options.jdbcPassword())) {
            int generation = activeGeneration(connection);
            String schema = "report_g" + generation;
            long entries = upToPosition > 0 ? Math.max(0, upToPosition - applied(connection, schema))
                    : options.entries();
            if (entries > 0) {
                ReadModelLoad.Result load = new ReadModelLoad(options.withEntries(Math.toIntExact(entries)))
                        .load(connection, generation);
                printLoad(load);
                output.put("load", load);
            }
            long applied = applied(connection, schema);
            Map<String, Long> rows = rows(connection, schema);
            System.out.printf("%nserving generation %d (%s): applied position %,d; %,d spend lines, %,d spend_daily "
                    + "rows, %,d spend_monthly rows, %,d outcome lines%n", generation, schema, applied, rows.get("spend_line"),
                    rows.get("spend_daily"), rows.get("spend_monthly"), rows.get("outcome_line"));
            output.put("generation", generation);
            output.put("appliedPosition", applied);
            output.put("tableRows", rows);
            List<Query> queries = queries(options, applied).stream().filter(query -> which.test(query.name()))
                    .toList();
            output.put("queries", measure(client, options, queries));
            if (options.explain()) {
                output.put("explain", explain(connection, schema, options, applied));
            }
        }
        return output;
    }

    static List<Query> queries(ReportQueryOptions options, long applied) {
        LocalDate from = options.month().atDay(1);
        LocalDate to = options.month().atEndOfMonth();
        String month = "from=" + from + "&to=" + to;
        String all = "from=" + options.firstDay() + "&to=" + options.firstDay().plusDays(options.days() - 1L);
        long asOf = Math.max(0, applied - options.asOfBack());
        return List.of(
                new Query("spend, month, by team", "/v1/reports/spend?" + month),
                new Query("spend, month, by day, team, model", "/v1/reports/spend?" + month
                        + "&period=day&groupBy=team,model"),
                new Query("spend, month, by day, team, model, asOf -" + options.asOfBack(), "/v1/reports/spend?"
                        + month + "&period=day&groupBy=team,model&asOf=" + asOf),
                new Query("spend, " + options.days() + " days, by team", "/v1/reports/spend?" + all),
                new Query("spend, month, by team, asOf -" + options.asOfBack(), "/v1/reports/spend?" + month
                        + "&asOf=" + asOf),
                new Query("efficiency, month", "/v1/reports/efficiency?" + month),
                new Query("distribution, month", "/v1/reports/distribution?" + month));
    }

    private static List<Map<String, Object>> measure(HttpClient client, ReportQueryOptions options,
                                                     List<Query> queries) throws Exception {
        List<Map<String, Object>> results = new ArrayList<>();
        for (Query query : queries) {
            String url = options.reportUrl() + query.path();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("name", query.name());
            result.put("request", "GET " + query.path());
            HttpResponse<String> probe = ReportCallers.get(client, url);
            result.put("status", probe.statusCode());
            if (probe.statusCode() != 200) {
                String why = probe.statusCode() == 404 ? "not measured: 404, this report-service has no such report"
                        : "not measured: " + probe.statusCode() + " " + probe.body();
                result.put("notMeasured", why);
                System.out.printf("%-40s %s%n", query.name(), why);
                results.add(result);
                continue;
            }
            JsonNode answer = JSON.readTree(probe.body());
            result.put("answered", figures(answer));
            System.out.printf("%-40s answered %s; warm-up %d s, measuring %d s from %d callers...%n", query.name(),
                    figures(answer), options.warmupSeconds(), options.durationSeconds(), options.concurrency());
            if (options.warmupSeconds() > 0) {
                ReportCallers.run(client, url, options.concurrency(), options.warmupSeconds());
            }
            double[] periodsBefore = cubePeriods(client, options.reportUrl());
            ReportCallers.Phase phase = ReportCallers.run(client, url, options.concurrency(),
                    options.durationSeconds());
            double[] periodsAfter = cubePeriods(client, options.reportUrl());
            double kept = periodsAfter[0] - periodsBefore[0];
            double summed = periodsAfter[1] - periodsBefore[1];
            result.put("cubePeriodsKept", (long) kept);
            result.put("cubePeriodsSummed", (long) summed);
            result.put("requests", phase.sortedLatencyNanos().length);
            result.put("failures", phase.failures());
            if (phase.firstFailure() != null) {
                result.put("firstFailure", phase.firstFailure());
            }
            result.put("p50Millis", phase.percentileMillis(0.5));
            result.put("p90Millis", phase.percentileMillis(0.9));
            result.put("p99Millis", phase.percentileMillis(0.99));
            result.put("maxMillis", phase.maxMillis());
            result.put("requestsPerSecond", phase.requestsPerSecond());
            results.add(result);
        }
        System.out.printf("%n%-46s %9s %9s %9s %9s %9s %8s %6s  %s%n", "query (" + options.concurrency()
                + " callers)", "requests", "p50 ms", "p99 ms", "max ms", "req/s", "<100ms?", "kept", "answered");
        for (Map<String, Object> result : results) {
            if (result.containsKey("notMeasured")) {
                System.out.printf("%-46s %s%n", result.get("name"), result.get("notMeasured"));
                continue;
            }
            double p99 = (double) result.get("p99Millis");
            long periods = (long) result.get("cubePeriodsKept") + (long) result.get("cubePeriodsSummed");
            System.out.printf("%-46s %9d %9.1f %9.1f %9.1f %9.1f %8s %5.0f%%  %s%s%n", result.get("name"),
                    result.get("requests"), result.get("p50Millis"), p99, result.get("maxMillis"),
                    result.get("requestsPerSecond"), p99 < TARGET_MILLIS ? "yes" : "NO",
                    periods == 0 ? 0.0 : 100.0 * (long) result.get("cubePeriodsKept") / periods,
                    result.get("answered"),
                    ((long) result.get("failures")) > 0 ? " FAILURES " + result.get("failures") + ": "
                            + result.get("firstFailure") : "");
        }
        return results;
    }

    /**
     * Periods of report cubes the service served from kept rows and summed afresh so far ({@code query/Cubes}):
     * the share kept says how much of a query's figure is its settled periods (0 for a service without them).
     */
    private static double[] cubePeriods(HttpClient client, String reportUrl) throws Exception {
        String exposition = PrometheusScrape.exposition(client, reportUrl);
        return new double[]{PrometheusScrape.series(exposition, "aispend_report_cube_periods_total{result=\"kept\"}"),
                PrometheusScrape.series(exposition, "aispend_report_cube_periods_total{result=\"summed\"}")};
    }

    /** What an answer said: its position, rows, and the totals' cost and records (spend), to show it read the data. */
    private static Map<String, Object> figures(JsonNode answer) {
        Map<String, Object> figures = new LinkedHashMap<>();
        JsonNode asOf = answer.path("asOf");
        if (asOf.has("ledgerPosition")) {
            figures.put("asOfPosition", asOf.get("ledgerPosition").asLong());
        }
        if (answer.path("rows").isArray()) {
            figures.put("rows", answer.get("rows").size());
        }
        JsonNode totals = answer.path("totals");
        if (totals.has("costUsdMicros")) {
            figures.put("totalCostUsd", String.format("%.2f", totals.get("costUsdMicros").asLong() / 1e6));
        }
        if (totals.has("records")) {
            figures.put("records", totals.get("records").asLong());
        }
        return figures;
    }

    private static List<Map<String, Object>> explain(Connection connection, String schema,
                                                     ReportQueryOptions options, long applied) throws SQLException {
        LocalDate from = options.month().atDay(1);
        LocalDate to = options.month().atEndOfMonth();
        long asOf = Math.max(0, applied - options.asOfBack());
        Map<String, String> statements = new LinkedHashMap<>();
        System.out.printf("%nThe plans below are of a reference: each split over the widest sums (SpendCubeSql), not the "
                + "narrower sums the service reads now (docs/reports.md).%n");
        statements.put("spend, month, by team (the main query)",
                SpendCubeSql.sql(from, to, List.of(SpendCubeSql.Dimension.TEAM), null));
        statements.put("spend, month, by model (run by a spend report only when something is unpriced)",
                SpendCubeSql.sql(from, to, List.of(SpendCubeSql.Dimension.MODEL), null));
        statements.put("spend, month, by day, team, model", SpendCubeSql.sql(from, to,
                List.of(SpendCubeSql.Dimension.DAY, SpendCubeSql.Dimension.TEAM, SpendCubeSql.Dimension.MODEL), null));
        statements.put("spend, month, by team, asOf " + asOf,
                SpendCubeSql.sql(from, to, List.of(SpendCubeSql.Dimension.TEAM), asOf));
        List<Map<String, Object>> plans = new ArrayList<>();
        boolean first = true;
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + schema);
            for (Map.Entry<String, String> entry : statements.entrySet()) {
                String explain = "EXPLAIN (ANALYZE, BUFFERS) " + entry.getValue();
                statement.executeQuery(explain).close(); // once to warm the cache as the measured requests did
                List<String> lines = new ArrayList<>();
                try (ResultSet plan = statement.executeQuery(explain)) {
                    while (plan.next()) {
                        lines.add(plan.getString(1));
                    }
                }
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("query", entry.getKey());
                result.put("sql", entry.getValue());
                result.put("plan", lines);
                plans.add(result);
                System.out.printf("%nEXPLAIN (ANALYZE, BUFFERS) %s:%n", entry.getKey());
                if (first) {
                    System.out.println(entry.getValue());
                    lines.forEach(line -> System.out.println("  " + line));
                    first = false;
                } else {
                    lines.stream().filter(line -> line.contains("Scan") || line.contains("Execution Time")
                            || line.contains("Aggregate") || line.contains("Buffers: shared") && !line.startsWith(" "))
                            .forEach(line -> System.out.println("  " + line));
                }
            }
            statement.execute("RESET search_path");
        }
        return plans;
    }

    private static void printLoad(ReadModelLoad.Result load) {
        System.out.printf("%nloaded positions %,d..%,d into %s: %,d spend entries, %,d outcomes in %.1f s (%,.0f entries/s)%n",
                load.firstPosition(), load.lastPosition(), load.schema(), load.spendEntries(), load.outcomeEntries(),
                load.totalSeconds(), (load.lastPosition() - load.firstPosition() + 1) / load.totalSeconds());
        load.stepSeconds().forEach((step, seconds) -> System.out.printf("  %-45s %8.1f s%n", step, seconds));
        load.tableRows().forEach((table, count) -> System.out.printf("  %-45s %,14d%n", table, count));
    }

    private static int activeGeneration(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT generation FROM public.report_generation WHERE state = 'ACTIVE'")) {
            if (!row.next()) {
                throw new IllegalStateException("no ACTIVE generation in public.report_generation");
            }
            return row.getInt(1);
        }
    }

    private static long applied(Connection connection, String schema) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT applied_position FROM " + schema
                     + ".ledger_checkpoint WHERE projection = 'reports'")) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    private static Map<String, Long> rows(Connection connection, String schema) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            for (String table : List.of("spend_line", "spend_daily", "spend_monthly", "spend_model_daily",
                    "spend_model_monthly", "outcome_line", "outcome_daily")) {
                try (ResultSet row = statement.executeQuery("SELECT count(*) FROM " + schema + "." + table)) {
                    row.next();
                    rows.put(table, row.getLong(1));
                }
            }
        }
        return rows;
    }
}
