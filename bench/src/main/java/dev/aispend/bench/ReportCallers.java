package dev.aispend.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * C callers, each with one {@code GET} in flight, sending the same report request for a number of seconds as soon
 * as the last is answered (a closed loop), timing each round trip.
 */
final class ReportCallers {
    private ReportCallers() {
    }

    /** Round trips in ns (sorted), the phase's wall time, non-200 answers and the first of them. */
    record Phase(long[] sortedLatencyNanos, long wallNanos, long failures, String firstFailure) {
        double percentileMillis(double q) {
            if (sortedLatencyNanos.length == 0) {
                return Double.NaN;
            }
            return LatencyFigures.rank(sortedLatencyNanos, q) / 1e6;
        }

        double maxMillis() {
            return sortedLatencyNanos.length == 0 ? Double.NaN
                    : sortedLatencyNanos[sortedLatencyNanos.length - 1] / 1e6;
        }

        double requestsPerSecond() {
            return sortedLatencyNanos.length / (wallNanos / 1e9);
        }
    }

    static HttpResponse<String> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", BenchCredentials.bearer()).timeout(Duration.ofSeconds(120)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static Phase run(HttpClient client, String url, int callers, int seconds) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<long[]> perCaller = new ArrayList<>();
        int[] counts = new int[callers];
        long[] failures = new long[callers];
        AtomicReference<String> firstFailure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int caller = 0; caller < callers; caller++) {
            long[] latencies = new long[1 << 16];
            perCaller.add(latencies);
            int index = caller;
            Thread thread = new Thread(() -> {
                long[] mine = perCaller.get(index);
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> response = get(client, url);
                        long took = System.nanoTime() - sent;
                        if (response.statusCode() != 200) {
                            failures[index]++;
                            firstFailure.compareAndSet(null, response.statusCode() + " " + response.body());
                            continue;
                        }
                        if (counts[index] == mine.length) {
                            mine = Arrays.copyOf(mine, mine.length * 2);
                            perCaller.set(index, mine);
                        }
                        mine[counts[index]++] = took;
                    } catch (Exception failure) {
                        failures[index]++;
                        firstFailure.compareAndSet(null, failure.toString());
                    }
                }
            }, "report-caller-" + caller);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long wall = System.nanoTime() - start;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int caller = 0; caller < callers; caller++) {
            System.arraycopy(perCaller.get(caller), 0, all, at, counts[caller]);
            at += counts[caller];
        }
        Arrays.sort(all);
        return new Phase(all, wall, Arrays.stream(failures).sum(), firstFailure.get());
    }
}
