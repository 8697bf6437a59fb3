package dev.aispend.ledger.query;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls {@code GET /v1/ledger/entries} as an auditor's tool would: plain HTTP (the JDK's client, which shows the
 * response as sent: status, headers, chunks), queries written as {@code name=value&...} with each value encoded.
 */
final class LedgerQueryClient {
    private final URI server;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newHttpClient();

    LedgerQueryClient(URI server, JsonMapper json) {
        this.server = server;
        this.json = json;
    }

    HttpResponse<String> get(String query, String accept) throws IOException, InterruptedException {
        return http.send(request(query, accept), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<InputStream> stream(String query, String accept) throws IOException, InterruptedException {
        return http.send(request(query, accept), HttpResponse.BodyHandlers.ofInputStream());
    }

    /** One JSON page, which must have been answered 200. */
    Map<String, Object> page(String query) throws IOException, InterruptedException {
        HttpResponse<String> response = get(query, "application/json");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
    }

    /** Every position the query selects, following nextAfter from page to page. */
    List<Long> pagedPositions(String query) throws IOException, InterruptedException {
        return pagedPositions(query, 0);
    }

    /** Every position the query selects after {@code after}, following nextAfter from page to page. */
    List<Long> pagedPositions(String query, long after) throws IOException, InterruptedException {
        List<Long> positions = new ArrayList<>();
        Object next = after;
        for (int pages = 0; pages < 10_000; pages++) {
            Map<String, Object> page = page(query + "&after=" + next);
            entries(page).forEach(entry -> positions.add(((Number) entry.get("position")).longValue()));
            next = page.get("nextAfter");
            if (next == null) {
                return positions;
            }
        }
        throw new AssertionError("paging did not end: " + query);
    }

    /** The fields an error body names, in its order. */
    @SuppressWarnings("unchecked")
    List<String> errorFields(HttpResponse<String> response) throws IOException {
        Map<String, Object> body = json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
        assertThat(body).containsKeys("type", "title", "status", "detail");
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        return ((List<Map<String, Object>>) body.get("errors")).stream().map(error -> (String) error.get("field"))
                .toList();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> entries(Map<String, Object> page) {
        return (List<Map<String, Object>>) Objects.requireNonNull(page.get("entries"), "entries");
    }

    private HttpRequest request(String query, String accept) {
        return HttpRequest.newBuilder(uri(query)).header("Accept", accept)
                .header("Authorization", "Bearer " + dev.aispend.testsupport.security.TestIssuer.allRoles()).build();
    }

    private URI uri(String query) {
        StringBuilder encoded = new StringBuilder();
        for (String parameter : query.isEmpty() ? new String[0] : query.split("&")) {
            int equals = parameter.indexOf('=');
            encoded.append(encoded.length() == 0 ? "?" : "&").append(parameter, 0, equals + 1)
                    .append(URLEncoder.encode(parameter.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return server.resolve("/v1/ledger/entries" + encoded);
    }
}
