package dev.aispend.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Latency of pre-flight checks ({@code POST /v1/checks}) against a running policy-service: creates the budgets of
 * {@link CheckBudgets} through the API (once per system), warms up, then sends N seeded checks from C concurrent
 * callers, and prints the round-trip latency and throughput the callers saw beside the service's own duration of
 * the same checks (the difference of its histogram at /prometheus before and after them): the figure the 5 ms
 * p99 target is about. Flat out by default (each caller sends its next check when the last is answered), or at
 * {@code --rate} checks per second (see {@link CheckCallers}). Asserts nothing (docs/performance.md).
 *
 * <p>{@code java -cp bench/target/bench.jar dev.aispend.bench.CheckLatencyBenchmark [--checks=20000]
 * [--concurrency=16] [--rate=0] [--warmup=2000] [--estimates=reserve|zero|over-cap] [--check-ids=true] [--seed=7]
 * [--max-estimate-usd-micros=20000] [--reservation-ttl-seconds=60] [--policy=http://127.0.0.1:8083]}
 */
public final class CheckLatencyBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double TARGET_SECONDS = 0.005;

    private CheckLatencyBenchmark() {
    }

    /** The measured checks as the callers saw them, the service's histogram of the same checks, the load average. */
    record Result(CheckCallers.Phase measured, ServiceHistogram service, double loadBefore, double loadAfter) {
        Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("checks", measured.sortedLatencyNanos().length);
            figures.put("answers", measured.answers());
            figures.put("checksPerSecond", measured.checksPerSecond());
            figures.put("client", LatencyFigures.millis(measured.sortedLatencyNanos()));
            Map<String, Object> atService = new LinkedHashMap<>();
            atService.put("p50Millis", service.quantileSeconds(0.5) * 1e3);
            atService.put("p90Millis", service.quantileSeconds(0.9) * 1e3);
            atService.put("p99Millis", service.quantileSeconds(0.99) * 1e3);
            atService.put("shareWithin5Millis", service.shareAtMost(TARGET_SECONDS));
            figures.put("service", atService);
            figures.put("loadAverageBefore", loadBefore);
            return figures;
        }
    }

    public static void main(String[] arguments) throws Exception {
        CheckBenchOptions options = CheckBenchOptions.parse(arguments);
        HttpClient client = BenchHttpClient.create();
        Result result = run(client, options);
        print(options, result.measured(), result.service());
        // Everything shares this machine's cores: a busy machine (another build) shows here, not in the figures.
        System.out.printf("load average (1 min)        %9.2f before, %.2f after, on %d processors%n",
                result.loadBefore(), result.loadAfter(), Runtime.getRuntime().availableProcessors());
    }

    /** Creates the budgets if needed, probes, warms up, then measures the checks. */
    static Result run(HttpClient client, CheckBenchOptions options) throws Exception {
        int created = CheckBudgets.ensure(client, options.policyUrl());
        System.out.printf("budgets: %d created, %d recorded before%n", created, CheckBudgets.all().size() - created);
        probe(client, options.policyUrl());

        // Check ids unique to the run, so a rerun never repeats an earlier run's answers.
        String runId = "bench-" + System.currentTimeMillis();
        List<String> bodies = CheckCallers.bodies(options, runId);
        if (options.warmupChecks() > 0) {
            System.out.printf("warm-up: %,d checks...%n", options.warmupChecks());
            CheckCallers.Phase warmup = CheckCallers.run(client, options.policyUrl(), bodies, 0,
                    options.warmupChecks(), options.concurrency(), options.checksPerSecond());
            requireAnswered(warmup);
        }
        System.out.printf("measuring: %,d checks from %d callers, %s, estimates %s, seed %d...%n", options.checks(),
                options.concurrency(), pace(options), options.estimates().name().toLowerCase().replace('_', '-'),
                options.seed());
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        ServiceHistogram before = ServiceHistogram.scrape(client, options.policyUrl());
        CheckCallers.Phase measured = CheckCallers.run(client, options.policyUrl(), bodies, options.warmupChecks(),
                bodies.size(), options.concurrency(), options.checksPerSecond());
        ServiceHistogram service = ServiceHistogram.scrape(client, options.policyUrl()).minus(before);
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        requireAnswered(measured);
        return new Result(measured, service, loadBefore, loadAfter);
    }

    /** One check as a caller of team 0 and the person with a budget: shows which budgets a check counts. */
    private static void probe(HttpClient client, String policyUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(policyUrl + "/v1/checks")).header("Authorization", BenchCredentials.bearer())
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"team": "%s", "personRef": "%s", "estimatedCostUsdMicros": 1, "reservationTtlSeconds": 1}"""
                        .formatted(CheckBudgets.team(0), CheckBudgets.person(0)))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("probe check: " + response.statusCode() + " " + response.body());
        }
        JsonNode answer = JSON.readTree(response.body());
        List<String> budgets = new ArrayList<>();
        answer.get("budgets").forEach(budget -> budgets.add(budget.get("budgetId").asText()));
        System.out.printf("a check of %s as %s: %s, counted against %s%n", CheckBudgets.team(0),
                CheckBudgets.person(0), answer.get("decision").asText(), budgets);
    }

    private static void requireAnswered(CheckCallers.Phase phase) {
        if (phase.failures() > 0) {
            throw new IllegalStateException(phase.failures() + " checks were not answered " + phase.answers()
                    + "; the first: " + phase.firstFailure());
        }
    }

    private static void print(CheckBenchOptions options, CheckCallers.Phase client, ServiceHistogram service) {
        System.out.println();
        System.out.printf("checks %,d, callers %d, %s, estimates %s, check ids %s, warm-up %,d, seed %d%n",
                options.checks(), options.concurrency(), pace(options), options.estimates().name().toLowerCase().replace('_', '-'),
                options.checkIds(), options.warmupChecks(), options.seed());
        System.out.printf("answers                     %s%n", client.answers());
        System.out.printf("%-27s %9s %9s %9s %9s %9s%n", "latency (ms)", "p50", "p90", "p99", "p99.9", "max");
        System.out.printf("%-27s %9.3f %9.3f %9.3f %9.3f %9.3f%n", "client round trip", millis(client, 0.5),
                millis(client, 0.9), millis(client, 0.99), millis(client, 0.999),
                client.sortedLatencyNanos()[client.sortedLatencyNanos().length - 1] / 1e6);
        System.out.printf("%-27s %9.3f %9.3f %9.3f %9.3f %9s%n", "service (its histogram)",
                service.quantileSeconds(0.5) * 1e3, service.quantileSeconds(0.9) * 1e3,
                service.quantileSeconds(0.99) * 1e3, service.quantileSeconds(0.999) * 1e3,
                "<= " + String.format("%.3f", service.maxUpperBoundSeconds() * 1e3));
        System.out.printf("service mean                %9.3f ms over %,d checks it counted%n",
                service.count() == 0 ? Double.NaN : service.sumSeconds() / service.count() * 1e3, service.count());
        System.out.printf("service within 5 ms         %9.2f %%  (target: p99 under 5 ms at the service)%n",
                100 * service.shareAtMost(TARGET_SECONDS));
        System.out.printf("throughput                  %,9.0f checks/s  (%.1f s)%n", client.checksPerSecond(),
                client.wallNanos() / 1e9);
    }

    private static String pace(CheckBenchOptions options) {
        return options.checksPerSecond() == 0 ? "flat out (closed loop)"
                : String.format("%,d checks/s offered (open loop; client times from when each was due)",
                        options.checksPerSecond());
    }

    private static double millis(CheckCallers.Phase phase, double q) {
        return phase.percentileNanos(q) / 1e6;
    }
}
