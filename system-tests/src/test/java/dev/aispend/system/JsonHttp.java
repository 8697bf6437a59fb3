package dev.aispend.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aispend.testsupport.security.TestIssuer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/**
 * Plain HTTP with JSON bodies, as any client of the services would speak it. Every request carries a bearer
 * token from the tests' issuer: the all-roles one unless the test passes its own {@code Authorization} header
 * (an empty value sends none).
 */
final class JsonHttp {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Response(int status, JsonNode body, java.net.http.HttpHeaders headers) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private JsonHttp() {
    }

    static Response post(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A body of any content type with the headers given (name, value, name, value, ...), as a client sends it. */
    static Response post(String url, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int index = 0; index + 1 < headers.length; index += 2) {
            request.header(headers[index], headers[index + 1]);
        }
        return send(request.build());
    }

    /** A JSON body with the headers given (name, value, ...), by {@code method} (POST, PUT). */
    static Response send(String method, String url, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        for (int index = 0; index + 1 < headers.length; index += 2) {
            request.header(headers[index], headers[index + 1]);
        }
        return send(request.build());
    }

    static Response get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    /** A GET with the headers given (name, value, ...); {@code Authorization} among them replaces the default. */
    static Response get(String url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        for (int index = 0; index + 1 < headers.length; index += 2) {
            request.header(headers[index], headers[index + 1]);
        }
        return send(request.build());
    }

    /** Any method with the headers given (Content-Type among them), a body of "{}" unless GET, HEAD or DELETE. */
    static Response call(String method, String url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, Set.of("GET", "HEAD", "DELETE").contains(method) ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        for (int index = 0; index + 1 < headers.length; index += 2) {
            request.header(headers[index], headers[index + 1]);
        }
        return send(request.build());
    }

    private static Response send(HttpRequest request) {
        var authorization = request.headers().firstValue("Authorization");
        if (authorization.isEmpty()) {
            request = HttpRequest.newBuilder(request, (name, value) -> true)
                    .header("Authorization", "Bearer " + TestIssuer.allRoles()).build();
        } else if (authorization.get().isEmpty()) {
            request = HttpRequest.newBuilder(request, (name, value) -> !name.equalsIgnoreCase("Authorization"))
                    .build();
        }
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            // A body that is not JSON (Prometheus text, CSV) is kept as one text node.
            JsonNode body = response.body().isEmpty() ? JSON.nullNode() : contentType.contains("json")
                    ? JSON.readTree(response.body()) : JSON.getNodeFactory().textNode(response.body());
            return new Response(response.statusCode(), body, response.headers());
        } catch (IOException failure) {
            throw new UncheckedIOException(request.uri() + " failed", failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
