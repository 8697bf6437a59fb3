package dev.aispend.bench;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** Each phase of {@link Benchmark}: runs it, keeps its figures under its name, adds its rows to the table. */
final class Phases {
    private static final Duration HISTORY_STEP_TIMEOUT = Duration.ofMinutes(30);
    /** The two report queries the performance issue names: the spend summary and cost per merged PR by tier. */
    private static final List<String> REPORT_QUERIES = List.of("spend, month, by team", "efficiency, month");

    private final HttpClient client;
    private final RunOptions options;
    private final Map<String, Object> output;
    private final Summary summary;
    private double copyRowsPerSecond;
    private Map<String, Object> load;
    private Map<String, Object> append;

    Phases(HttpClient client, RunOptions options, Map<String, Object> output, Summary summary) {
        this.client = client;
        this.options = options;
        this.output = output;
        this.summary = summary;
    }

    void run(String phase, long seed, Instant now) throws Exception {
        switch (phase) {
            case "limits" -> limits();
            case "append" -> append(seed);
            case "load" -> load(seed, now);
            case "single" -> usage("single", new UsagePhase.Plan("single", options.singleRecords(), 1,
                    options.singleConcurrency(), 0), Summary.Target.atLeast(3_000, ">= 3,000"));
            case "paced" -> usage("paced", new UsagePhase.Plan("paced",
                    options.pacedRecordsPerSecond() * options.pacedSeconds(), options.pacedBatchSize(), 0,
                    options.pacedRecordsPerSecond()), null);
            case "checks" -> checks(seed);
            case "history" -> history();
            case "reports" -> reports();
            default -> throw new IllegalArgumentException("no phase " + phase);
        }
    }

    private void limits() throws Exception {
        RunOptions.Urls urls = options.urls();
        System.out.printf("  PostgreSQL COPY of %,d event-store-shaped rows...%n", options.copyRows());
        copyRowsPerSecond = CopyCeiling.measure(urls.ledgerJdbc(), urls.jdbcUser(), urls.jdbcPassword(),
                options.copyRows());
        System.out.printf("  Kafka producer, %,d records with ingest's producer settings...%n",
                options.producerRecords());
        KafkaProducerCeiling.Result producer = KafkaProducerCeiling.measure(urls.kafka(), options.producerRecords());
        output.put("limits", Map.of("copyRowsPerSecond", copyRowsPerSecond, "kafkaProducer", producer));
        summary.add("PostgreSQL COPY, event-store-shaped rows (limit)", copyRowsPerSecond, "rows/s");
        summary.add("Kafka producer, ingest's settings (limit)", producer.recordsPerSecond(), "records/s");
    }

    private void append(long seed) throws Exception {
        append = profiled("append", () -> AppendPhase.run(client, options, seed));
        output.put("append", append);
        summary.add("ledger append stage alone, draining " + append.get("records") + " records from usage.v1",
                (double) append.get("positionsPerSecond"), "records/s");
        @SuppressWarnings("unchecked")
        Map<String, Object> intake = (Map<String, Object>) append.get("intake");
        summary.add("  ... per second of the intake's own busy time", (double) intake.get("recordsPerBusySecond"),
                "records/s");
    }

    private void load(long seed, Instant now) throws Exception {
        load = profiled("load", () -> DemoLoadPhase.run(client, options, seed, now));
        output.put("load", load);
        summary.add("end to end, demo load (API to report), " + load.get("spendRecords") + " records",
                (double) load.get("endToEndRecordsPerSecond"), "records/s", Summary.Target.atLeast(10_000, ">= 10,000"));
        summary.add("  ... of which sustained (s)", (double) load.get("endToEndSeconds"), "s",
                Summary.Target.atLeast(60, ">= 60 s"));
        summary.add("ingest acknowledged, demo load", (double) load.get("acknowledgedRecordsPerSecond"), "records/s");
        addLatency("ingest acknowledgement, demo load (per request)", latency(load, "acknowledgementLatency"), null);
        addLatency("end-to-end lag, demo load (acknowledged to visible)", latency(load, "endToEndLag"), null);
        @SuppressWarnings("unchecked")
        Map<String, Object> intake = (Map<String, Object>) load.get("ledgerIntake");
        summary.add("ledger intake under the demo load, per second of its busy time",
                (double) intake.get("recordsPerBusySecond"), "records/s");
        @SuppressWarnings("unchecked")
        Map<String, Object> head = (Map<String, Object>) load.get("ledgerHead");
        summary.add("ledger head while appending, demo load", (double) head.get("positionsPerSecondWhileMoving"),
                "positions/s");
    }

    private void usage(String name, UsagePhase.Plan plan, Summary.Target endToEndTarget) throws Exception {
        Map<String, Object> figures = profiled(name, () -> UsagePhase.run(client, options.urls(), plan,
                options.visibleTimeoutSeconds()));
        output.put(name, figures);
        String what = plan.recordsPerSecond() > 0 ? String.format("%,d records/s offered in %d-record requests",
                plan.recordsPerSecond(), plan.batchSize()) : "1 record per request, " + plan.concurrency()
                + " in flight";
        summary.add("end to end, " + what, (double) figures.get("endToEndRecordsPerSecond"), "records/s",
                endToEndTarget);
        addLatency("ingest acknowledgement, " + what, latency(figures, "acknowledgementLatency"),
                plan.recordsPerSecond() > 0 ? Summary.Target.under(50, "p99 < 50 ms") : null);
    }

    private void checks(long seed) throws Exception {
        CheckBenchOptions checkOptions = CheckBenchOptions.parse(new String[] {"--checks=" + options.checks(),
                "--concurrency=" + options.checkConcurrency(), "--rate=" + options.checksPerSecond(),
                "--warmup=" + Math.min(2_000, options.checks()), "--seed=" + seed,
                "--policy=" + options.urls().policy()});
        Map<String, Object> figures = profiled("checks", () -> CheckLatencyBenchmark.run(client, checkOptions)
                .figures());
        output.put("checks", figures);
        @SuppressWarnings("unchecked")
        Map<String, Object> service = (Map<String, Object>) figures.get("service");
        String what = String.format("pre-flight check at the service, %d callers, %s", options.checkConcurrency(),
                options.checksPerSecond() == 0 ? "flat out" : options.checksPerSecond() + "/s offered");
        summary.add(what + ", p50", (double) service.get("p50Millis"), "ms");
        summary.add(what + ", p99", (double) service.get("p99Millis"), "ms", Summary.Target.under(5, "< 5 ms"));
        addLatency("pre-flight check, client round trip", latency(figures, "client"), null);
    }

    private void history() throws Exception {
        RunOptions.Urls urls = options.urls();
        Map<String, Object> rates = profiled("history", () -> HistoryRates.measure(client, urls.ledger(),
                urls.policy(), urls.report(), HISTORY_STEP_TIMEOUT));
        output.put("history", rates);
        for (String step : List.of("ledgerVerification", "decisionVerification", "ledgerReplay", "reportRebuild")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> figures = (Map<String, Object>) rates.get(step);
            if (figures != null && figures.get("entriesPerSecond") instanceof Number rate) {
                summary.add(step + ", " + figures.get("entries") + " entries", rate.doubleValue(), "entries/s",
                        Summary.Target.atLeast(50_000, ">= 50,000"));
            }
        }
    }

    private void reports() throws Exception {
        RunOptions.Urls urls = options.urls();
        Map<String, Object> sizes = new LinkedHashMap<>();
        for (int entries : options.reportEntries()) {
            ReportQueryOptions reportOptions = ReportQueryOptions.parse(new String[] {"--concurrency=4",
                    "--warmup-seconds=5", "--duration-seconds=" + options.reportSeconds(), "--explain=false",
                    "--report=" + urls.report(), "--report-jdbc=" + urls.reportJdbc(), "--jdbc-user=" + urls.jdbcUser(),
                    "--jdbc-password=" + urls.jdbcPassword()});
            System.out.printf("  report queries at %,d ledger entries (loading the read model up to there)...%n",
                    entries);
            Map<String, Object> measured = ReportQueryBenchmark.measure(client, reportOptions, entries,
                    REPORT_QUERIES::contains);
            sizes.put(Integer.toString(entries), measured);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> queries = (List<Map<String, Object>>) measured.get("queries");
            for (Map<String, Object> query : queries) {
                if (query.get("p99Millis") instanceof Double p99) {
                    String what = String.format("report %s at %,d entries, 4 callers", query.get("name"), entries);
                    summary.add(what + ", p50", (double) query.get("p50Millis"), "ms");
                    summary.add(what + ", p99", p99, "ms", Summary.Target.under(100, "< 100 ms"));
                }
            }
        }
        output.put("reports", sizes);
    }

    /** The ratios to the COPY limit, once both sides are measured. */
    void ratios() {
        if (copyRowsPerSecond > 0 && append != null) {
            summary.add("ledger append stage alone / COPY limit",
                    100 * (double) append.get("positionsPerSecond") / copyRowsPerSecond, "%",
                    Summary.Target.atLeast(50, ">= 50 %"));
        }
        if (copyRowsPerSecond > 0 && load != null) {
            summary.add("end to end, demo load / COPY limit",
                    100 * (double) load.get("endToEndRecordsPerSecond") / copyRowsPerSecond, "%");
        }
    }

    /**
     * Runs a phase, with JFR recordings of every service and the broker around it when {@code --profile} is given
     * (in {@code <profile>/<phase>/}); their summaries go into the phase's figures as {@code profiles}.
     */
    private Map<String, Object> profiled(String phase, Callable<Map<String, Object>> body) throws Exception {
        if (options.profileDirectory() == null) {
            return body.call();
        }
        Profiles profiles = Profiles.start(ServiceProcesses.servicePids(), Path.of(options.profileDirectory(), phase));
        Map<String, Object> figures = body.call();
        List<Profiles.ServiceProfile> profiled = profiles.stop();
        figures.put("profiles", profiled);
        System.out.println(Profiles.format(profiled));
        return figures;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> latency(Map<String, Object> figures, String name) {
        return (Map<String, Object>) figures.get(name);
    }

    private void addLatency(String what, Map<String, Object> latency, Summary.Target p99Target) {
        if (latency == null || latency.isEmpty()) {
            return;
        }
        summary.add(what + ", p50", (double) latency.get("p50Millis"), "ms");
        summary.add(what + ", p99", (double) latency.get("p99Millis"), "ms", p99Target);
    }
}
