package dev.aispend.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The checks of a run and the callers that send them: C callers, each with one {@code POST /v1/checks} in flight,
 * taking the next check until none is left, timing each round trip. In a closed loop (no rate) a caller sends the
 * next check as soon as the last is answered, as C request threads of a gateway would: the system runs flat out.
 * At a rate (an open loop), check i is due at i / rate seconds from the start, whatever the answers before it did,
 * as model calls arrive at a gateway; its round trip counts from when it was due, so a check that waited for a free
 * caller shows that wait (no coordinated omission).
 */
final class CheckCallers {
    private static final String[] DECISIONS = {"ALLOW", "WARN", "DENY"};

    private CheckCallers() {
    }

    /** One phase's outcome: round trips in ns (sorted), its wall time, answers by decision or HTTP status. */
    record Phase(long[] sortedLatencyNanos, long wallNanos, Map<String, Long> answers, String firstFailure) {
        long percentileNanos(double q) {
            return LatencyFigures.rank(sortedLatencyNanos, q);
        }

        double checksPerSecond() {
            return sortedLatencyNanos.length / (wallNanos / 1e9);
        }

        long failures() {
            return answers.entrySet().stream().filter(answer -> !Arrays.asList(DECISIONS).contains(answer.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
        }
    }

    /**
     * Every check's body, warm-up first: drawn from one {@link Random} with the run's seed before any is sent, so
     * the same seed gives the same teams, people and estimates in the same order however the callers interleave.
     * Each check names a team and a person (one person in {@link CheckBudgets#PEOPLE} has a budget of their own).
     */
    static List<String> bodies(CheckBenchOptions options, String runId) {
        Random random = new Random(options.seed());
        int total = options.warmupChecks() + options.checks();
        List<String> bodies = new ArrayList<>(total);
        for (int index = 0; index < total; index++) {
            String team = CheckBudgets.team(random.nextInt(CheckBudgets.TEAMS));
            String person = CheckBudgets.person(random.nextInt(CheckBudgets.PEOPLE));
            long estimate = 1 + random.nextInt(options.maxEstimateUsdMicros());
            switch (options.estimates()) {
                case ZERO -> estimate = 0;
                // The capped team's amount is 1 micro-dollar: 2 or more is denied.
                case OVER_CAP -> {
                    team = CheckBudgets.CAPPED_TEAM;
                    estimate += 1;
                }
                case RESERVE -> { }
            }
            String checkId = options.checkIds() ? "\"checkId\": \"" + runId + "-" + index + "\", " : "";
            bodies.add("""
                    {%s"team": "%s", "personRef": "%s", "model": "claude-sonnet-4-5", \
                    "estimatedCostUsdMicros": %d, "reservationTtlSeconds": %d}""".formatted(checkId, team, person,
                    estimate, options.reservationTtlSeconds()));
        }
        return bodies;
    }

    /**
     * Sends {@code bodies[from, to)} from {@code concurrency} callers, at {@code checksPerSecond} (0: closed loop);
     * returns when every one is answered.
     */
    static Phase run(HttpClient client, String policyUrl, List<String> bodies, int from, int to, int concurrency,
                     int checksPerSecond) throws InterruptedException {
        URI uri = URI.create(policyUrl + "/v1/checks");
        long[] latencies = new long[to - from];
        AtomicInteger next = new AtomicInteger(from);
        Map<String, LongAdder> answers = new ConcurrentHashMap<>();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        long firstDueNanos = System.nanoTime();
        Runnable caller = () -> {
            for (int index = next.getAndIncrement(); index < to; index = next.getAndIncrement()) {
                long dueNanos = checksPerSecond == 0 ? 0
                        : firstDueNanos + (long) ((index - from) * (1e9 / checksPerSecond));
                waitUntil(dueNanos);
                HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", BenchCredentials.bearer()).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(bodies.get(index))).build();
                long startNanos = checksPerSecond == 0 ? System.nanoTime() : dueNanos;
                String answer;
                try {
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    answer = response.statusCode() == 200 ? decision(response.body())
                            : "HTTP " + response.statusCode();
                    if (response.statusCode() != 200) {
                        firstFailure.compareAndSet(null, answer + " " + response.body());
                    }
                } catch (Exception failed) {
                    answer = failed.getClass().getSimpleName();
                    firstFailure.compareAndSet(null, failed.toString());
                }
                latencies[index - from] = System.nanoTime() - startNanos;
                answers.computeIfAbsent(answer, key -> new LongAdder()).increment();
            }
        };
        List<Thread> callers = new ArrayList<>(concurrency);
        long startNanos = System.nanoTime();
        for (int index = 0; index < concurrency; index++) {
            Thread thread = new Thread(caller, "caller-" + index);
            thread.start();
            callers.add(thread);
        }
        for (Thread thread : callers) {
            thread.join();
        }
        long wallNanos = System.nanoTime() - startNanos;
        Arrays.sort(latencies);
        Map<String, Long> counted = new TreeMap<>();
        answers.forEach((answer, count) -> counted.put(answer, count.sum()));
        return new Phase(latencies, wallNanos, counted, firstFailure.get());
    }

    /** Parks the caller until {@code dueNanos} (System.nanoTime); returns at once when it is past (or 0). */
    static void waitUntil(long dueNanos) {
        for (long left = dueNanos - System.nanoTime(); left > 0; left = dueNanos - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    private static String decision(String body) {
        for (String decision : DECISIONS) {
            if (body.contains("\"decision\":\"" + decision + "\"")) {
                return decision;
            }
        }
        return "no decision";
    }
}
