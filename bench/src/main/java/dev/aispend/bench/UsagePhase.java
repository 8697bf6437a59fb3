package dev.aispend.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Usage records through ingest's JSON API ({@code POST /v1/usage}, or {@code /v1/usage/batch} for batches), shaped
 * like the demo's ({@link DemoShapedRecords}) under a team unique to the phase, until the spend report shows all of
 * them. Closed loop (a fixed number of requests in flight, flat out) or open loop (records offered at a fixed rate,
 * each request timed from when it was due, so a request that waited for a free slot shows the wait). A 503 is sent
 * again with the same ids. Measures acknowledgement latency, the acknowledged and end-to-end rates, the lag.
 */
final class UsagePhase {
    private static final int ATTEMPTS = 5;
    /** Requests in flight at most in an open loop: far above what a paced rate needs, a bound if the system stalls. */
    private static final int OPEN_LOOP_IN_FLIGHT = 512;

    /** Closed loop when {@code recordsPerSecond} is 0, else open loop. */
    record Plan(String name, int records, int batchSize, int concurrency, int recordsPerSecond) {
    }

    private UsagePhase() {
    }

    static Map<String, Object> run(HttpClient client, RunOptions.Urls urls, Plan plan, int visibleTimeoutSeconds)
            throws Exception {
        String team = "bench-" + plan.name() + "-" + Instant.now().getEpochSecond();
        Instant occurredAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        LocalDate day = LocalDate.ofInstant(occurredAt, ZoneOffset.UTC);
        DemoShapedRecords shapes = new DemoShapedRecords(occurredAt);
        boolean batched = plan.batchSize() > 1;
        URI uri = URI.create(urls.ingest() + (batched ? "/v1/usage/batch" : "/v1/usage"));
        int requests = (plan.records() + plan.batchSize() - 1) / plan.batchSize();
        boolean openLoop = plan.recordsPerSecond() > 0;
        Semaphore inFlight = new Semaphore(openLoop ? OPEN_LOOP_IN_FLIGHT : plan.concurrency());
        ConcurrentLinkedQueue<VisibilityLag.Ack> acks = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong retries = new AtomicLong();
        AtomicReference<String> failure = new AtomicReference<>();
        try (LedgerHeadSampler head = new LedgerHeadSampler(client, urls.ledger());
             ReportVisibility visibility = new ReportVisibility(client, urls.report(),
                     "from=" + day + "&to=" + day + "&team=" + team)) {
            long startNanos = System.nanoTime();
            for (int request = 0; request < requests && failure.get() == null; request++) {
                int first = request * plan.batchSize();
                int last = Math.min(first + plan.batchSize(), plan.records());
                long dueNanos = openLoop ? startNanos + (long) (first * 1e9 / plan.recordsPerSecond()) : 0;
                CheckCallers.waitUntil(dueNanos);
                inFlight.acquire();
                long timedFrom = openLoop ? dueNanos : System.nanoTime();
                post(client, uri, body(shapes, team, occurredAt, first, last, batched), 1, retries)
                        .whenComplete((status, error) -> {
                            long ackNanos = System.nanoTime();
                            if (error != null || status != 202) {
                                failure.compareAndSet(null, error != null ? error.toString() : "HTTP " + status);
                            } else {
                                acks.add(new VisibilityLag.Ack(ackNanos, last - first));
                                latencies.add(ackNanos - timedFrom);
                            }
                            inFlight.release();
                        });
            }
            inFlight.acquire(openLoop ? OPEN_LOOP_IN_FLIGHT : plan.concurrency());
            long acknowledgedNanos = System.nanoTime();
            if (failure.get() != null) {
                throw new IllegalStateException(plan.name() + ": a request was not accepted: " + failure.get());
            }
            visibility.awaitAtLeast(plan.records(), visibleTimeoutSeconds);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("records", plan.records());
            result.put("recordsPerRequest", plan.batchSize());
            result.put(openLoop ? "recordsPerSecondOffered" : "requestsInFlight",
                    openLoop ? plan.recordsPerSecond() : plan.concurrency());
            result.put("retriesAfter503", retries.get());
            result.put("acknowledgedRecordsPerSecond", plan.records() / ((acknowledgedNanos - startNanos) / 1e9));
            result.put("endToEndSeconds", (visibility.reachedNanos() - startNanos) / 1e9);
            result.put("endToEndRecordsPerSecond", plan.records() / ((visibility.reachedNanos() - startNanos) / 1e9));
            result.put("acknowledgementLatency", LatencyFigures.millis(latencies.stream().mapToLong(Long::longValue)
                    .toArray()));
            result.put("endToEndLag", VisibilityLag.of(new ArrayList<>(acks), visibility.samples()).figures());
            result.put("ledgerPositionsPerSecondWhileMoving", head.appendRate());
            return result;
        }
    }

    private static String body(DemoShapedRecords shapes, String team, Instant occurredAt, int first, int last,
                               boolean batched) {
        StringBuilder records = new StringBuilder();
        for (int index = first; index < last; index++) {
            records.append(index == first ? "" : ",").append(shapes.record(team, occurredAt, index));
        }
        return batched ? "{\"records\":[" + records + "]}" : records.toString();
    }

    private static CompletableFuture<Integer> post(HttpClient client, URI uri, String body, int attempt,
                                                   AtomicLong retries) {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", BenchCredentials.bearer())
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenCompose(response -> {
            if (response.statusCode() == 503 && attempt < ATTEMPTS) {
                retries.incrementAndGet();
                return post(client, uri, body, attempt + 1, retries);
            }
            return CompletableFuture.completedFuture(response.statusCode());
        });
    }
}
