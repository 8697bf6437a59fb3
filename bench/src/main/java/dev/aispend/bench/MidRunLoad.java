package dev.aispend.bench;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What runs beside the load, as it would in a company: pre-flight checks at a steady rate (budgets of
 * {@link CheckBudgets}, from two callers, one second's worth at a time until the load ends) and policy changes
 * recorded mid-run (each timed until the ledger recorded it).
 */
final class MidRunLoad implements AutoCloseable {
    private static final int CALLERS = 2;

    private final HttpClient client;
    private final String policyUrl;
    private final long seed;
    private final int checksPerSecond;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "mid-run");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Map<String, Object>> changes = new ArrayList<>();
    private final List<long[]> checkLatencies = new ArrayList<>();
    private final Map<String, Long> checkAnswers = new TreeMap<>();
    private volatile boolean stopped;
    private final CompletableFuture<Void> checks;

    MidRunLoad(HttpClient client, String policyUrl, long seed, int checksPerSecond) {
        this.client = client;
        this.policyUrl = policyUrl;
        this.seed = seed;
        this.checksPerSecond = checksPerSecond;
        this.checks = checksPerSecond == 0 ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(this::checkUntilStopped, threads);
    }

    /** Runs a policy change on its own thread and records how long it took to be recorded. */
    CompletableFuture<Void> change(String name, ThrowingRunnable change) {
        return CompletableFuture.runAsync(() -> {
            long started = System.nanoTime();
            String outcome = "recorded";
            try {
                change.run();
            } catch (Exception failed) {
                outcome = "failed: " + failed.getMessage();
            }
            synchronized (changes) {
                changes.add(Map.of("change", name, "outcome", outcome,
                        "secondsUntilRecorded", (System.nanoTime() - started) / 1e9));
            }
        }, threads);
    }

    /** A team budget unique to the run (its seed), soft thresholds only: a policy owner's change mid-month. */
    void createRunBudget() throws Exception {
        String id = "bench-run-" + Long.toHexString(seed);
        CheckBudgets.ensure(client, policyUrl, CheckBudgets.budget(id, "Benchmark run " + seed,
                "{\"team\": \"" + CheckBudgets.team(0) + "\"}", 50_000_000_000L, "[50, 90]"));
    }

    private void checkUntilStopped() {
        for (int round = 0; !stopped; round++) {
            try {
                CheckBenchOptions options = CheckBenchOptions.parse(new String[] {"--checks=" + checksPerSecond,
                        "--warmup=0", "--seed=" + (seed + round), "--policy=" + policyUrl});
                List<String> bodies = CheckCallers.bodies(options, "bench-load-" + seed + "-" + round);
                CheckCallers.Phase phase = CheckCallers.run(client, policyUrl, bodies, 0, bodies.size(), CALLERS,
                        checksPerSecond);
                synchronized (checkAnswers) {
                    checkLatencies.add(phase.sortedLatencyNanos());
                    phase.answers().forEach((answer, count) -> checkAnswers.merge(answer, count, Long::sum));
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        synchronized (checkAnswers) {
            figures.put("checksPerSecondOffered", checksPerSecond);
            figures.put("checkAnswers", new TreeMap<>(checkAnswers));
            figures.put("checkLatency", LatencyFigures.millis(checkLatencies.stream().flatMapToLong(
                    java.util.Arrays::stream).toArray()));
        }
        synchronized (changes) {
            figures.put("policyChanges", List.copyOf(changes));
        }
        return figures;
    }

    @Override
    public void close() {
        stopped = true;
        checks.join();
        threads.shutdown();
    }

    /** A policy change, which may throw. */
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
