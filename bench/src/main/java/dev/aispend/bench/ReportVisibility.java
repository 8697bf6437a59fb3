package dev.aispend.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How many records the spend report shows over a range, beyond what it showed when the phase began: asked every
 * {@link #INTERVAL} (the next request after the last answer), each answer kept with the time it arrived (the
 * report's snapshot is at most that old, so a lag read from these samples errs long, by up to one interval plus one
 * request).
 */
final class ReportVisibility implements AutoCloseable {
    static final Duration INTERVAL = Duration.ofMillis(100);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final URI uri;
    private final long baseline;
    private final List<VisibilityLag.Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "report-visibility");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long latest;
    private volatile long reachedNanos;

    ReportVisibility(HttpClient client, String reportUrl, String range) throws Exception {
        this.client = client;
        this.uri = URI.create(reportUrl + "/v1/reports/spend?" + range);
        this.baseline = read();
        scheduler.scheduleWithFixedDelay(this::sample, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits, polling the samples, until the report shows {@code records} more than at the start. */
    void awaitAtLeast(long records, int timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (latest < records) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the spend report showed " + latest + " of " + records
                        + " records after " + timeoutSeconds + " s (" + uri + ")");
            }
            // Poll interval of the samples this class keeps; the report is only observable by asking.
            Thread.sleep(20);
        }
        synchronized (samples) {
            reachedNanos = samples.stream().filter(sample -> sample.visibleRecords() >= records).findFirst()
                    .orElseThrow().atNanos();
        }
    }

    /** When the first sample showed every record awaited. */
    long reachedNanos() {
        return reachedNanos;
    }

    List<VisibilityLag.Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    private void sample() {
        try {
            long visible = read() - baseline;
            long now = System.nanoTime();
            synchronized (samples) {
                samples.add(new VisibilityLag.Sample(now, visible));
            }
            latest = Math.max(latest, visible);
        } catch (Exception unanswered) {
            // A missed sample widens the interval once; the phase's deadline bounds the wait.
        }
    }

    private long read() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri)
                .header("Authorization", BenchCredentials.bearer()).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).path("totals").path("records").asLong();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
