package dev.aispend.ingest.source.api;

import dev.aispend.ingest.IngestIntegration;
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

/** With no broker answering, a submission is a 503 with Retry-After within the bounded wait, never a 2xx. */
@MicronautTest
class BrokerDownIT extends IngestIntegration {

    BrokerDownIT() {
        super("broker-down-it.", Map.of("kafka.bootstrap.servers", "127.0.0.1:" + closedPort(),
                "kafka.producers.intake.max.block.ms", "1000", "ingest.publish-timeout", "3s",
                "ingest.retry-after-seconds", "7", "ingest.create-topics", "false",
                // Start without waiting to read the API keys from a broker that is not there.
                "auth.api-keys.startup-wait", "0s"));
    }

    @Test
    void answers_503_with_retry_after_when_kafka_does_not_acknowledge() {
        HttpResponse<String> unavailable = http.postJson("/v1/usage", UsageJsonMother.valid("broker-down-1",
                "platform"));

        assertProblem(unavailable, HttpStatus.SERVICE_UNAVAILABLE, "retry after 7 s with the same ids");
        assertThat(unavailable.header("Retry-After")).isEqualTo("7");
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
