package dev.aispend.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the ledger head every 100 ms, to tell the ledger's own append rate: positions appended between the
 * first sample after the head moved and the sample at which it reached its final value.
 */
final class LedgerHeadSampler implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final URI headUri;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final long startPosition;
    private volatile long firstMovedNanos;
    private volatile long lastPosition;
    private volatile long lastMovedNanos;

    LedgerHeadSampler(HttpClient client, String ledgerUrl) {
        this.client = client;
        this.headUri = URI.create(ledgerUrl + "/v1/ledger/head");
        this.startPosition = readOrFail();
        this.lastPosition = startPosition;
        scheduler.scheduleAtFixedRate(this::sample, 100, 100, TimeUnit.MILLISECONDS);
    }

    long startPosition() {
        return startPosition;
    }

    long lastPosition() {
        return lastPosition;
    }

    /** Events appended per second while the ledger was appending; 0 if it did not move twice. */
    double appendRate() {
        long appended = lastPosition - startPosition;
        double seconds = (lastMovedNanos - firstMovedNanos) / 1e9;
        return seconds > 0 ? appended / seconds : 0;
    }

    private void sample() {
        long position = read();
        long now = System.nanoTime();
        if (position > lastPosition) {
            if (firstMovedNanos == 0) {
                // The first sample that moved: count from the previous sample's time, the latest the move began.
                firstMovedNanos = now - Duration.ofMillis(100).toNanos();
            }
            lastPosition = position;
            lastMovedNanos = now;
        }
    }

    /** The first reading must succeed: a rate measured from an unknown start would be meaningless. */
    private long readOrFail() {
        try {
            return head(client, headUri);
        } catch (Exception unavailable) {
            throw new IllegalStateException("the ledger does not answer at " + headUri + ": is ./run-local up?",
                    unavailable);
        }
    }

    /** A missed reading keeps the last one; the next sample reads again. */
    private long read() {
        try {
            return head(client, headUri);
        } catch (Exception unavailable) {
            return lastPosition;
        }
    }

    /** The ledger's last position, from {@code GET /v1/ledger/head}. */
    static long head(HttpClient client, String ledgerUrl) throws IOException, InterruptedException {
        return head(client, URI.create(ledgerUrl + "/v1/ledger/head"));
    }

    private static long head(HttpClient client, URI headUri) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(headUri)
                .header("Authorization", BenchCredentials.bearer()).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + headUri + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("lastPosition").asLong();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
