package dev.aispend.ingest.apikeys;

import dev.aispend.devstack.Wait;
import dev.aispend.ingest.IngestTestProperties;
import dev.aispend.ingest.source.api.UsageJsonMother;
import dev.aispend.testsupport.security.TestIssuer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An ingest started on a database that lists keys and a topic that lacks their states (the topic lost, or a new
 * Kafka cluster) publishes them again, so the keys it lists as active work and the revoked ones stay refused.
 */
class ApiKeyStatesAtStartIT {
    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final Pattern FIELD = Pattern.compile("\"(id|key)\":\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void publishes_at_start_the_key_states_the_topic_lacks() {
        Map<String, String> first = IngestTestProperties.of("api-keys-start-a.");
        Map<String, String> kept;
        Map<String, String> revoked;
        try (EmbeddedServer ingest = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(first),
                Environment.TEST)) {
            kept = createKey(ingest, "kept");
            revoked = createKey(ingest, "revoked");
            assertThat(send(ingest, "DELETE", "/v1/api-keys/" + revoked.get("id"), null, admin()).statusCode())
                    .isEqualTo(200);
        }
        Map<String, Object> second = new HashMap<>(IngestTestProperties.of("api-keys-start-b."));
        second.put("datasources.default.url", first.get("datasources.default.url"));

        try (EmbeddedServer ingest = ApplicationContext.run(EmbeddedServer.class, second, Environment.TEST)) {
            Wait.until("the kept key published again and accepted", WITHIN,
                    () -> submitUsage(ingest, kept.get("key")) == 202);
            assertThat(submitUsage(ingest, revoked.get("key"))).isEqualTo(401);
        }
    }

    private static Map<String, String> createKey(EmbeddedServer ingest, String name) {
        HttpResponse<String> created = send(ingest, "POST", "/v1/api-keys", """
                {"name": "%s", "roles": ["ingest-client"], "expiresAt": "%s"}""".formatted(name,
                Instant.now().plus(Duration.ofDays(1))), admin());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Map<String, String> fields = new HashMap<>();
        Matcher field = FIELD.matcher(created.body());
        while (field.find()) {
            fields.put(field.group(1), field.group(2));
        }
        return fields;
    }

    private static int submitUsage(EmbeddedServer ingest, String key) {
        String usage = UsageJsonMother.valid("start-" + System.nanoTime(), "platform")
                .replace("2026-11-22T10:15:30Z", Instant.now().toString());
        return send(ingest, "POST", "/v1/usage", usage, "Bearer " + key).statusCode();
    }

    private static String admin() {
        return "Bearer " + TestIssuer.allRoles();
    }

    private static HttpResponse<String> send(EmbeddedServer ingest, String method, String path, String json,
                                             String authorization) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingest.getURL() + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
