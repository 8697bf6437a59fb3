package dev.aispend.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sends deliveries over HTTP/1.1 with a few in flight, checks every answer ({@link Answers}) and retries a 503 (the
 * broker did not acknowledge in time) as its client would, with the same bytes. A refused delivery stops the load.
 */
final class Sender implements AutoCloseable {
    private static final int ATTEMPTS = 5;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient client;
    private final DemoEndpoints endpoints;
    private final DemoCredentials credentials;
    private final Map<Answers.Outcome, Long> outcomes = new EnumMap<>(Answers.Outcome.class);
    /** Its own threads: the common pool has one thread on a two-core machine. */
    private final ExecutorService threads;

    Sender(HttpClient client, DemoEndpoints endpoints, DemoCredentials credentials, int concurrency) {
        this.client = client;
        this.endpoints = endpoints;
        this.credentials = credentials;
        this.threads = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "demo-sender");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    /**
     * Sends every delivery, at most {@code concurrency} at a time (the pool's threads: a slow answer holds one
     * thread, not a whole round of them), and returns once each was answered well; the first refusal cancels what
     * has not started and is thrown.
     */
    void sendAll(List<Delivery> deliveries) {
        List<CompletableFuture<Void>> inFlight = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            inFlight.add(CompletableFuture.runAsync(() -> send(delivery), threads));
        }
        try {
            for (CompletableFuture<Void> answered : inFlight) {
                answered.join();
            }
        } catch (CompletionException failure) {
            inFlight.forEach(future -> future.cancel(false));
            throw failure.getCause() instanceof RuntimeException cause ? cause : failure;
        }
    }

    void send(Delivery delivery) {
        if (alreadyRecorded(delivery)) {
            count(Answers.Outcome.REPEATED, 1);
            return;
        }
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = exchange(request(delivery));
            if (response.statusCode() == 503 && attempt < ATTEMPTS) {
                long retryAfterSeconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
                Polls.pause(Duration.ofSeconds(Math.min(5, retryAfterSeconds)));
                continue;
            }
            Answers.Outcome outcome = Answers.check(delivery, response.statusCode(), response.body());
            if (outcome == Answers.Outcome.PENDING) {
                new PolicyChanges(this, endpoints.policy(), credentials.policyOwner()).awaitRecorded(delivery,
                        response.headers().firstValue("Location").orElse(""));
            }
            count(outcome, 1);
            return;
        }
    }

    private HttpRequest request(Delivery delivery) {
        return DeliveryRequests.of(delivery, endpoints, credentials, TIMEOUT);
    }

    HttpResponse<String> get(String url, String credential) {
        return exchange(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + credential).GET().build());
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException failure) {
            throw new DeliveryRefusedException(request.method() + " " + request.uri() + " failed: " + failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DeliveryRefusedException("interrupted while sending to " + request.uri());
        }
    }

    /**
     * A budget or phase the policy API already shows: a second load sends nothing (a create of a taken id would be
     * refused, and the ledger keeps every refused attempt on record).
     */
    private boolean alreadyRecorded(Delivery delivery) {
        String path = delivery instanceof BudgetDelivery budget ? budget.recordedPath()
                : delivery instanceof PhaseDelivery phase ? phase.recordedPath() : null;
        return path != null && get(endpoints.policy() + path, credentials.policyOwner()).statusCode() == 200;
    }

    private void count(Answers.Outcome outcome, long times) {
        synchronized (outcomes) {
            outcomes.merge(outcome, times, Long::sum);
        }
    }

    long count(Answers.Outcome outcome) {
        synchronized (outcomes) {
            return outcomes.getOrDefault(outcome, 0L);
        }
    }

}
