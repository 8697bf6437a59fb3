package dev.aispend.ingest.apikeys;

import dev.aispend.ingest.IngestHttp;
import dev.aispend.ingest.source.api.UsageJsonMother;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;

/** The admin API and a usage submission, as the API key tests send them. */
@Singleton
final class ApiKeyHttp {
    static final String KEYS = "/v1/api-keys";

    private final IngestHttp http;
    private final JsonMapper json;

    ApiKeyHttp(IngestHttp http, JsonMapper json) {
        this.http = http;
        this.json = json;
    }

    /** Creates a key with the tests' all-roles token (an admin); asserts nothing. */
    HttpResponse<String> create(String body) {
        return http.postJson(KEYS, body);
    }

    /** Creates a key for {@code roles} (a JSON array's content) expiring {@code lifetime} from now; its answer. */
    JsonNode createdKey(String name, String roles, Duration lifetime) {
        HttpResponse<String> created = create("""
                {"name": "%s", "roles": [%s], "expiresAt": "%s"}""".formatted(name, roles,
                Instant.now().plus(lifetime)));
        if (created.code() != 201) {
            throw new IllegalStateException("key not created: " + created.code() + " " + IngestHttp.body(created));
        }
        return parse(IngestHttp.body(created));
    }

    HttpResponse<String> get(String path, String authorization) {
        return http.exchange(HttpRequest.GET(path).header("Authorization", authorization));
    }

    HttpResponse<String> get(String path) {
        return http.exchange(HttpRequest.GET(path));
    }

    HttpResponse<String> revoke(String keyId) {
        return http.exchange(HttpRequest.DELETE(KEYS + "/" + keyId));
    }

    /** A usage record (dated now, so within any age bound) sent with {@code key} as the bearer token. */
    HttpResponse<String> submitUsage(String id, String key) {
        String usage = UsageJsonMother.valid(id, "platform").replace("2026-11-22T10:15:30Z",
                Instant.now().toString());
        return http.exchange(HttpRequest.POST("/v1/usage", usage).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Authorization", "Bearer " + key));
    }

    JsonNode parse(String body) {
        try {
            return json.readValue(body, JsonNode.class);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
