package dev.aispend.bench;

import dev.aispend.demo.Answers;
import dev.aispend.demo.Delivery;
import dev.aispend.demo.DeliveryRequests;
import dev.aispend.demo.DemoCredentials;
import dev.aispend.demo.DemoEndpoints;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Sends deliveries as their clients do (the demo's own requests: bytes, headers, credentials, GitHub signatures)
 * with at most N in flight, checks every answer as the demo loader does ({@link Answers}), retries a 503 with the
 * same bytes as a client would, and times each delivery from its first send to its acknowledgement.
 */
final class DeliverySender {
    private static final int ATTEMPTS = 5;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final long RETRY_AFTER_MILLIS = 200;

    /** What a phase's sending saw: every acknowledgement, latencies overall and by kind, retries. */
    record Outcome(long requests, Map<String, Long> requestsByKind, long retries, long lastAckNanos,
                   long[] latencyNanos, Map<String, long[]> latencyNanosByKind, List<VisibilityLag.Ack> acks) {
    }

    private final HttpClient client;
    private final DemoEndpoints endpoints;
    private final DemoCredentials credentials;
    private final int concurrency;

    DeliverySender(HttpClient client, DemoEndpoints endpoints, DemoCredentials credentials, int concurrency) {
        this.client = client;
        this.endpoints = endpoints;
        this.credentials = credentials;
        this.concurrency = concurrency;
    }

    /** Sends every delivery in order; {@code beforeSend} hears each index first. Throws on the first refusal. */
    Outcome sendAll(List<Delivery> deliveries, IntConsumer beforeSend) throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicLong retries = new AtomicLong();
        AtomicLong lastAckNanos = new AtomicLong();
        AtomicReference<Throwable> refused = new AtomicReference<>();
        ConcurrentLinkedQueue<VisibilityLag.Ack> acks = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Map<String, ConcurrentLinkedQueue<Long>> byKind = new ConcurrentHashMap<>();
        for (int index = 0; index < deliveries.size() && refused.get() == null; index++) {
            beforeSend.accept(index);
            inFlight.acquire();
            Delivery delivery = deliveries.get(index);
            long firstSentNanos = System.nanoTime();
            send(delivery, 1, retries).whenComplete((response, failure) -> {
                long ackNanos = System.nanoTime();
                try {
                    if (failure != null) {
                        throw new IllegalStateException(delivery.name() + " failed: " + failure, failure);
                    }
                    Answers.check(delivery, response.statusCode(), response.body());
                    acks.add(new VisibilityLag.Ack(ackNanos, delivery.spendRecords()));
                    latencies.add(ackNanos - firstSentNanos);
                    byKind.computeIfAbsent(kind(delivery), key -> new ConcurrentLinkedQueue<>())
                            .add(ackNanos - firstSentNanos);
                    lastAckNanos.accumulateAndGet(ackNanos, Math::max);
                } catch (RuntimeException refusal) {
                    refused.compareAndSet(null, refusal);
                } finally {
                    inFlight.release();
                }
            });
        }
        inFlight.acquire(concurrency);
        if (refused.get() != null) {
            throw new IllegalStateException("the load stopped: " + refused.get().getMessage(), refused.get());
        }
        Map<String, long[]> latencyByKind = new TreeMap<>();
        Map<String, Long> requestsByKind = new TreeMap<>();
        byKind.forEach((kind, nanos) -> {
            latencyByKind.put(kind, nanos.stream().mapToLong(Long::longValue).toArray());
            requestsByKind.put(kind, (long) nanos.size());
        });
        return new Outcome(deliveries.size(), requestsByKind, retries.get(), lastAckNanos.get(),
                latencies.stream().mapToLong(Long::longValue).toArray(), latencyByKind, new ArrayList<>(acks));
    }

    private CompletableFuture<HttpResponse<String>> send(Delivery delivery, int attempt, AtomicLong retries) {
        HttpRequest request = DeliveryRequests.of(delivery, endpoints, credentials, REQUEST_TIMEOUT);
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenCompose(response -> {
            if (response.statusCode() != 503 || attempt >= ATTEMPTS) {
                return CompletableFuture.completedFuture(response);
            }
            retries.incrementAndGet();
            // The broker did not acknowledge in time: send the same bytes again shortly, as a client would.
            return CompletableFuture.supplyAsync(() -> null,
                            CompletableFuture.delayedExecutor(RETRY_AFTER_MILLIS, TimeUnit.MILLISECONDS))
                    .thenCompose(ignored -> send(delivery, attempt + 1, retries));
        });
    }

    /** "OtlpMetrics", "LiteLlm", ...: the delivery's record name without "Delivery". */
    static String kind(Delivery delivery) {
        return delivery.getClass().getSimpleName().replace("Delivery", "");
    }
}
