package dev.aispend.ingest.source.api;

import dev.aispend.ingest.IngestTestProperties;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** With no broker answering, a submission is a 503 with Retry-After within the bounded wait, never a 2xx. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerDownIT implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(IngestTestProperties.of("broker-down-it."));
        properties.put("kafka.bootstrap.servers", "127.0.0.1:" + closedPort());
        properties.put("kafka.producers.intake.max.block.ms", "1000");
        properties.put("ingest.publish-timeout", "3s");
        properties.put("ingest.retry-after-seconds", "7");
        properties.put("ingest.create-topics", "false");
        return properties;
    }

    @Test
    void answers_503_with_retry_after_when_kafka_does_not_acknowledge() {
        assertThatThrownBy(() -> http.toBlocking().exchange(HttpRequest.POST("/v1/usage",
                        UsageJsonMother.valid("broker-down-1", "platform")).contentType(MediaType.APPLICATION_JSON_TYPE),
                String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class, refused -> {
                    assertThat(refused.getStatus().getCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.getCode());
                    assertThat(refused.getResponse().getHeaders().get("Retry-After")).isEqualTo("7");
                    assertThat(refused.getResponse().getContentType()).get().asString()
                            .startsWith("application/problem+json");
                    assertThat(refused.getResponse().getBody(String.class)).get().asString()
                            .contains("retry after 7 s with the same ids");
                });
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
