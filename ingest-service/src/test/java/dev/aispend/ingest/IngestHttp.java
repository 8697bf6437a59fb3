package dev.aispend.ingest;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Singleton;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running ingest service as an integration test talks to it: every request is answered with its status and
 * body, whatever the status (a refusal is an answer to assert on, not an exception to catch), and the checks every
 * refusal shares: the status, an RFC 9457 problem+json body, and what it names.
 */
@Singleton
public final class IngestHttp {
    private final HttpClient http;

    public IngestHttp(@Client("/") HttpClient http) {
        this.http = http;
    }

    public HttpResponse<String> postJson(String path, String json) {
        return exchange(HttpRequest.POST(path, json).contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    public HttpResponse<String> exchange(HttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException refused) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> response = (HttpResponse<String>) refused.getResponse();
            return response;
        }
    }

    /** Posts {@code json} and asserts a 400 problem+json naming each of {@code inBody}. */
    public void assertRefused(String path, String json, String... inBody) {
        assertProblem(postJson(path, json), HttpStatus.BAD_REQUEST, inBody);
    }

    public static void assertProblem(HttpResponse<String> response, HttpStatus status, String... inBody) {
        assertThat(response.code()).as(body(response)).isEqualTo(status.getCode());
        assertThat(response.getContentType()).get().asString().startsWith("application/problem+json");
        assertThat(body(response)).contains(inBody);
    }

    /** The body as text, of an answer of any status. */
    public static String body(HttpResponse<String> response) {
        return response.getBody(String.class).orElse("");
    }
}
