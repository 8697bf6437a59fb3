package dev.aispend.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * policy-service's own check duration ({@code aispend_policy_check_duration_seconds}, a Prometheus histogram) summed
 * over its result tags: cumulative counts by bucket upper bound in seconds. The difference of two scrapes is the
 * distribution of exactly the checks answered between them, so the benchmark reads the service's figures for its
 * measured checks only (not the warm-up), with no windowed percentile computed in the service.
 */
record ServiceHistogram(TreeMap<Double, Long> cumulativeByUpperBoundSeconds, long count, double sumSeconds) {
    static final String METRIC = "aispend_policy_check_duration_seconds";
    private static final Pattern UPPER_BOUND = Pattern.compile("le=\"([^\"]+)\"");

    static ServiceHistogram scrape(HttpClient client, String policyUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(policyUrl + "/prometheus")).header("Authorization", BenchCredentials.bearer())
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /prometheus: " + response.statusCode());
        }
        ServiceHistogram histogram = parse(response.body());
        if (histogram.cumulativeByUpperBoundSeconds().isEmpty()) {
            throw new IllegalStateException("policy-service at " + policyUrl + " exposes no " + METRIC
                    + "_bucket: is it a build with the check duration timer?");
        }
        return histogram;
    }

    /** Reads the Prometheus text exposition; every result tag's series are added up. */
    static ServiceHistogram parse(String exposition) {
        TreeMap<Double, Long> buckets = new TreeMap<>();
        long count = 0;
        double sum = 0;
        for (String line : exposition.split("\n")) {
            if (line.startsWith(METRIC + "_bucket{")) {
                Matcher bound = UPPER_BOUND.matcher(line);
                if (!bound.find()) {
                    throw new IllegalStateException("a bucket without le: " + line);
                }
                double upperBound = bound.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY
                        : Double.parseDouble(bound.group(1));
                buckets.merge(upperBound, Math.round(value(line)), Long::sum);
            } else if (line.startsWith(METRIC + "_count")) {
                count += Math.round(value(line));
            } else if (line.startsWith(METRIC + "_sum")) {
                sum += value(line);
            }
        }
        return new ServiceHistogram(buckets, count, sum);
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    /** The checks counted since {@code earlier} (the same service, not restarted in between). */
    ServiceHistogram minus(ServiceHistogram earlier) {
        TreeMap<Double, Long> buckets = new TreeMap<>();
        for (Map.Entry<Double, Long> bucket : cumulativeByUpperBoundSeconds.entrySet()) {
            buckets.put(bucket.getKey(), bucket.getValue()
                    - earlier.cumulativeByUpperBoundSeconds().getOrDefault(bucket.getKey(), 0L));
        }
        return new ServiceHistogram(buckets, count - earlier.count(), sumSeconds - earlier.sumSeconds());
    }

    /**
     * The q-quantile in seconds, as Prometheus' histogram_quantile estimates it: linear within the bucket the rank
     * falls in, from the bucket below's upper bound (0 for the first); the highest finite bound when it falls in
     * +Inf. NaN when nothing was counted.
     */
    double quantileSeconds(double q) {
        if (count == 0) {
            return Double.NaN;
        }
        double rank = q * count;
        double lowerBound = 0;
        long below = 0;
        for (Map.Entry<Double, Long> bucket : cumulativeByUpperBoundSeconds.entrySet()) {
            if (bucket.getValue() >= rank && bucket.getValue() > below) {
                if (bucket.getKey().isInfinite()) {
                    return lowerBound;
                }
                return lowerBound + (bucket.getKey() - lowerBound) * (rank - below) / (bucket.getValue() - below);
            }
            lowerBound = bucket.getKey();
            below = bucket.getValue();
        }
        return lowerBound;
    }

    /** Share of the checks that took at most {@code seconds}, exact when that is a bucket bound; NaN if none. */
    double shareAtMost(double seconds) {
        Map.Entry<Double, Long> bucket = cumulativeByUpperBoundSeconds.floorEntry(seconds);
        return count == 0 ? Double.NaN : (bucket == null ? 0 : bucket.getValue()) / (double) count;
    }

    /** The upper bound of the highest bucket any check fell in: the slowest check took at most this. */
    double maxUpperBoundSeconds() {
        long previous = 0;
        double highest = 0;
        for (Map.Entry<Double, Long> bucket : cumulativeByUpperBoundSeconds.entrySet()) {
            if (bucket.getValue() > previous) {
                highest = bucket.getKey();
            }
            previous = bucket.getValue();
        }
        return highest;
    }
}
