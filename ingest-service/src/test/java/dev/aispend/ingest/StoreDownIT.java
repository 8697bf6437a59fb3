package dev.aispend.ingest;

import dev.aispend.ingest.source.api.UsageJsonMother;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import static dev.aispend.ingest.IngestHttp.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With ingest's database away, a request that needs it is a 503 with Retry-After (problem+json), never a 500:
 * OTLP exporters and gateways retry a 503 with the same ids, and drop a 500.
 */
@MicronautTest(transactional = false) // The test itself must not need the database either.
class StoreDownIT extends IngestIntegration {

    StoreDownIT() {
        super("store-down-it.", Map.of(
                "datasources.default.url", "jdbc:postgresql://127.0.0.1:" + closedPort() + "/ingest",
                // Start without the database: no migration, no connection at start-up.
                "flyway.datasources.default.enabled", "false",
                "datasources.default.initialization-fail-timeout", "-1",
                "datasources.default.connection-timeout", "500",
                "ingest.retry-after-seconds", "9"));
    }

    @Test
    void answers_503_with_retry_after_when_the_directory_cannot_be_read() {
        HttpResponse<String> unavailable = http.postJson("/v1/usage", UsageJsonMother.valid("store-down-1",
                "platform").replace("2026-11-22T10:15:30Z", java.time.Instant.now().toString()));

        assertProblem(unavailable, HttpStatus.SERVICE_UNAVAILABLE, "retry after 9 s with the same ids");
        assertThat(unavailable.header("Retry-After")).isEqualTo("9");
    }

    @Test
    void answers_503_with_retry_after_when_a_directory_write_cannot_begin() {
        HttpResponse<String> unavailable = http.postJson("/v1/directory/people", """
                {"person": "nina@example.com", "team": "platform", "aliases": {"email": ["nina@example.com"]}}""");

        assertProblem(unavailable, HttpStatus.SERVICE_UNAVAILABLE, "retry after 9 s with the same ids");
        assertThat(unavailable.header("Retry-After")).isEqualTo("9");
    }

    /** A port nothing listens on: bound, then closed. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
