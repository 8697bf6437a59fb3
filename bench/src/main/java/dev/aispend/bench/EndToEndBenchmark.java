package dev.aispend.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pushes N usage records through the running system from the ingest API until all of them are visible in the
 * report read model, then measures PostgreSQL COPY of event-store-shaped rows on the same server, and prints
 * records/s end to end, the ledger's append rate, the COPY ceiling and the ratios. Asserts nothing.
 *
 * <p>{@code java -jar bench/target/bench.jar [--records=200000] [--concurrency=64] [--batch-size=1]
 * [--copy-rows=200000] [--shape=uniform|demo]
 * [--ingest=URL] [--ledger=URL] [--report=URL] [--ledger-jdbc=URL] [--jdbc-user=U] [--jdbc-password=P]}
 */
public final class EndToEndBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ATTEMPTS = 5;

    private EndToEndBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        BenchOptions options = BenchOptions.parse(arguments);
        // HTTP/1.1 with kept-alive connections: the default HTTP/2 attempts an h2c upgrade on cleartext, which
        // Micronaut declines, and the client then spent a whole core on connection churn (measured).
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        // One team per run, so the report rows of this run are told apart from any earlier data.
        String team = "bench-" + Instant.now().getEpochSecond();
        Instant occurredAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        LocalDate day = LocalDate.ofInstant(occurredAt, ZoneOffset.UTC);
        System.out.printf("pushing %,d records as team %s, %d per request, %d requests in flight...%n",
                options.records(), team, options.batchSize(), options.concurrency());

        long startNanos;
        long acceptedNanos;
        long visibleNanos;
        double appendRate;
        long appended;
        try (LedgerHeadSampler sampler = new LedgerHeadSampler(client, options.ledgerUrl())) {
            startNanos = System.nanoTime();
            DemoShapedRecords demo = options.shape().equals("demo") ? new DemoShapedRecords(occurredAt) : null;
            long retries = submitAll(client, options, team, occurredAt, demo);
            acceptedNanos = System.nanoTime();
            System.out.printf("all accepted (%,d retries after 503); waiting until the report shows them...%n",
                    retries);
            awaitVisible(client, options, team, day);
            visibleNanos = System.nanoTime();
            appendRate = sampler.appendRate();
            appended = sampler.lastPosition() - sampler.startPosition();
        }
        System.out.printf("measuring PostgreSQL COPY of %,d event-store-shaped rows...%n", options.copyRows());
        double copyRate = CopyCeiling.measure(options.ledgerJdbcUrl(), options.jdbcUser(), options.jdbcPassword(),
                options.copyRows());

        double ingestRate = options.records() / ((acceptedNanos - startNanos) / 1e9);
        double endToEndRate = options.records() / ((visibleNanos - startNanos) / 1e9);
        System.out.println();
        System.out.printf("records                              %,12d%n", options.records());
        System.out.printf("ledger positions appended            %,12d%n", appended);
        System.out.printf("ingest accepted (202 after acks=all) %,12.0f records/s%n", ingestRate);
        System.out.printf("end to end (API -> report model)     %,12.0f records/s  (%.1f s)%n", endToEndRate,
                (visibleNanos - startNanos) / 1e9);
        System.out.printf("ledger append                        %,12.0f events/s%n", appendRate);
        System.out.printf("PostgreSQL COPY ceiling              %,12.0f rows/s%n", copyRate);
        System.out.printf("ledger append / COPY                 %12.1f %%%n", 100 * appendRate / copyRate);
        System.out.printf("end to end / COPY                    %12.1f %%%n", 100 * endToEndRate / copyRate);
    }

    /**
     * Posts every record, one per request or in batches, with a bounded number of requests in flight; retries
     * a 503 with the same ids. Returns the retries.
     */
    private static long submitAll(HttpClient client, BenchOptions options, String team, Instant occurredAt,
                                  DemoShapedRecords demo) throws InterruptedException {
        Semaphore inFlight = new Semaphore(options.concurrency());
        AtomicLong retries = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        boolean batched = options.batchSize() > 1;
        URI uri = URI.create(options.ingestUrl() + (batched ? "/v1/usage/batch" : "/v1/usage"));
        for (int first = 0; first < options.records(); first += options.batchSize()) {
            inFlight.acquire();
            int last = Math.min(first + options.batchSize(), options.records());
            StringBuilder records = new StringBuilder();
            for (int index = first; index < last; index++) {
                records.append(index == first ? "" : ",").append(demo == null ? record(team, occurredAt, index)
                        : demo.record(team, occurredAt, index));
            }
            String body = batched ? "{\"records\":[" + records + "]}" : records.toString();
            post(client, uri, body, 1, retries).whenComplete((status, error) -> {
                if (error != null || status != 202) {
                    failures.incrementAndGet();
                }
                inFlight.release();
            });
        }
        inFlight.acquire(options.concurrency());
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " requests were not accepted");
        }
        return retries.get();
    }

    private static String record(String team, Instant occurredAt, int index) {
        return """
                {"id":"%s-%d","occurredAt":"%s","team":"%s","person":"person-%d@example.com",\
                "model":"claude-sonnet-4-5","inputTokens":%d,"outputTokens":%d}""".formatted(team, index,
                occurredAt, team, index % 50, 1000 + index % 997, 100 + index % 97);
    }

    private static CompletableFuture<Integer> post(HttpClient client, URI uri, String body, int attempt,
                                                   AtomicLong retries) {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", BenchCredentials.bearer()).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenCompose(response -> {
            if (response.statusCode() == 503 && attempt < MAX_ATTEMPTS) {
                retries.incrementAndGet();
                return post(client, uri, body, attempt + 1, retries);
            }
            return CompletableFuture.completedFuture(response.statusCode());
        });
    }

    private static void awaitVisible(HttpClient client, BenchOptions options, String team, LocalDate day)
            throws Exception {
        URI uri = URI.create(options.reportUrl() + "/v1/reports/spend?from=" + day + "&to=" + day + "&team=" + team);
        long deadline = System.nanoTime() + Duration.ofSeconds(options.visibleTimeoutSeconds()).toNanos();
        while (System.nanoTime() < deadline) {
            if (recordsOf(client, uri, team) >= options.records()) {
                return;
            }
            // Poll interval: the report model is only observable by asking it.
            Thread.sleep(100);
        }
        throw new IllegalStateException("the report did not show all records within "
                + options.visibleTimeoutSeconds() + " s");
    }

    private static long recordsOf(HttpClient client, URI uri, String team) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).header("Authorization", BenchCredentials.bearer()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).path("totals").path("records").asLong();
    }
}
