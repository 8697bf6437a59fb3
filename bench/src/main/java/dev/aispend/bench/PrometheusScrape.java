package dev.aispend.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads series from a service's {@code /prometheus} (the text exposition): each named series summed over its labels,
 * so a counter kept per tag reads as one figure. A series the service does not expose reads as 0.
 */
final class PrometheusScrape {
    private PrometheusScrape() {
    }

    static Map<String, Double> read(HttpClient client, String serviceUrl, List<String> names)
            throws IOException, InterruptedException {
        return sums(exposition(client, serviceUrl), names);
    }

    /** The service's whole exposition. */
    static String exposition(HttpClient client, String serviceUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(serviceUrl + "/prometheus"))
                .header("Authorization", BenchCredentials.bearer()).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + serviceUrl + "/prometheus: " + response.statusCode());
        }
        return response.body();
    }

    /** One series' value, named with its labels as exposed (e.g. {@code name{result="kept"}}); 0 when absent. */
    static double series(String exposition, String series) {
        for (String line : exposition.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    static Map<String, Double> sums(String exposition, List<String> names) {
        Map<String, Double> sums = new LinkedHashMap<>();
        names.forEach(name -> sums.put(name, 0.0));
        for (String line : exposition.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int end = line.indexOf('{') >= 0 ? line.indexOf('{') : line.indexOf(' ');
            String name = end < 0 ? line : line.substring(0, end);
            if (sums.containsKey(name)) {
                sums.merge(name, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum);
            }
        }
        return sums;
    }

    /** {@code after - before}, name by name. */
    static Map<String, Double> difference(Map<String, Double> after, Map<String, Double> before) {
        Map<String, Double> difference = new LinkedHashMap<>();
        after.forEach((name, value) -> difference.put(name, value - before.getOrDefault(name, 0.0)));
        return difference;
    }
}
