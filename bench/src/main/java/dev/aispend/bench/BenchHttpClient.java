package dev.aispend.bench;

import java.net.http.HttpClient;
import java.time.Duration;

/** The HTTP client every benchmark uses. */
final class BenchHttpClient {
    private BenchHttpClient() {
    }

    /**
     * HTTP/1.1 with kept-alive connections: the default HTTP/2 attempts an h2c upgrade on cleartext, which Micronaut
     * declines, and the client then spent a whole core on connection churn (measured).
     */
    static HttpClient create() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }
}
