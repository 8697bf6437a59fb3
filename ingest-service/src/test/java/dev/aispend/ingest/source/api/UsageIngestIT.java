package dev.aispend.ingest.source.api;

import dev.aispend.contracts.Topics;
import dev.aispend.ingest.IngestTestProperties;
import dev.aispend.testsupport.KafkaProbe;
import dev.aispend.testsupport.TestInfrastructure;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsageIngestIT implements TestPropertyProvider {

    private static final String TOPIC_PREFIX = "ingest-it.";
    private static final String USAGE_TOPIC = TOPIC_PREFIX + Topics.USAGE_V1;

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return IngestTestProperties.of(TOPIC_PREFIX);
    }

    @Test
    void accepts_a_valid_record_only_after_kafka_has_it_and_publishes_no_identity() {
        KafkaProbe probe = KafkaProbe.on(TestInfrastructure.kafka().bootstrapServers(), USAGE_TOPIC);

        HttpResponse<String> response = http.toBlocking().exchange(
                post(UsageJsonMother.valid("ingest-it-1", "platform")), String.class);

        assertThat(response.code()).isEqualTo(HttpStatus.ACCEPTED.getCode());
        assertThat(response.body()).contains("\"id\":\"ingest-it-1\"");
        List<ConsumerRecord<String, String>> published = probe.recordsSinceCreated(1, Duration.ofSeconds(30));
        assertThat(published).hasSize(1);
        assertThat(published.get(0).key()).isEqualTo("platform");
        assertThat(published.get(0).value())
                .contains("\"usageRecordId\":\"ingest-it-1\"", "\"personRef\":\"prs_", "\"inputTokens\":1200")
                .doesNotContain("alice", "example.com");
    }

    @Test
    void refuses_a_bad_record_naming_the_field_and_publishes_nothing() {
        KafkaProbe probe = KafkaProbe.on(TestInfrastructure.kafka().bootstrapServers(), USAGE_TOPIC);
        String bad = UsageJsonMother.valid("ingest-it-2", "platform").replace("\"inputTokens\": 1200",
                "\"inputTokens\": -5");

        assertThatThrownBy(() -> http.toBlocking().exchange(post(bad), String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class, refused -> {
                    assertThat(refused.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
                    assertThat(refused.getResponse().getBody(String.class)).get().asString()
                            .contains("\"field\":\"inputTokens\"", "must not be negative");
                });
        assertThat(probe.endOffsetsUnchanged()).isTrue();
    }

    @Test
    void accepts_a_batch_only_after_kafka_has_every_record() {
        KafkaProbe probe = KafkaProbe.on(TestInfrastructure.kafka().bootstrapServers(), USAGE_TOPIC);
        String batch = "{\"records\": [" + UsageJsonMother.valid("batch-1", "platform") + ", "
                + UsageJsonMother.valid("batch-2", "research") + ", " + UsageJsonMother.valid("batch-3", "platform")
                + "]}";

        HttpResponse<String> response = http.toBlocking().exchange(postBatch(batch), String.class);

        assertThat(response.code()).isEqualTo(HttpStatus.ACCEPTED.getCode());
        assertThat(response.body()).contains("\"accepted\":3");
        assertThat(probe.recordsSinceCreated(3, Duration.ofSeconds(30)))
                .extracting(ConsumerRecord::value)
                .anySatisfy(value -> assertThat(value)
                        .contains("\"usageRecordId\":\"batch-2\"", "\"team\":\"research\""))
                .hasSize(3);
    }

    @Test
    void refuses_a_batch_with_one_bad_record_and_publishes_none_of_it() {
        KafkaProbe probe = KafkaProbe.on(TestInfrastructure.kafka().bootstrapServers(), USAGE_TOPIC);
        String batch = "{\"records\": [" + UsageJsonMother.valid("batch-4", "platform") + ", "
                + UsageJsonMother.valid("batch-5", "platform")
                        .replace("\"outputTokens\": 340", "\"outputTokens\": 1.5")
                + "]}";

        assertThatThrownBy(() -> http.toBlocking().exchange(postBatch(batch), String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class, refused -> {
                    assertThat(refused.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
                    assertThat(refused.getResponse().getBody(String.class)).get().asString()
                            .contains("\"field\":\"records[1].outputTokens\"", "must be a whole number");
                });
        assertThat(probe.endOffsetsUnchanged()).isTrue();
    }

    @Test
    void refuses_a_field_given_twice_rather_than_keeping_either_value() {
        KafkaProbe probe = KafkaProbe.on(TestInfrastructure.kafka().bootstrapServers(), USAGE_TOPIC);
        String doubled = UsageJsonMother.valid("ingest-it-dup", "platform").replace("\"inputTokens\": 1200",
                "\"inputTokens\": 1, \"inputTokens\": 1000000");

        assertThatThrownBy(() -> http.toBlocking().exchange(post(doubled), String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class, refused -> {
                    assertThat(refused.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
                    assertThat(refused.getResponse().getBody(String.class)).get().asString()
                            .contains("Duplicate field", "inputTokens");
                });
        assertThat(probe.endOffsetsUnchanged()).isTrue();
    }

    @Test
    void refuses_malformed_json_and_a_body_over_the_size_limit() {
        assertThatThrownBy(() -> http.toBlocking().exchange(post("{\"id\": "), String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class, refused -> {
                    assertThat(refused.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
                    assertThat(refused.getResponse().getBody(String.class)).get().asString()
                            .contains("is not valid JSON");
                });
        String huge = "{\"id\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        assertThatThrownBy(() -> http.toBlocking().exchange(post(huge), String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class, refused ->
                        assertThat(refused.getStatus().getCode()).isEqualTo(HttpStatus.REQUEST_ENTITY_TOO_LARGE.getCode()));
    }

    @Test
    void answers_framework_errors_as_problem_details_like_its_own() {
        assertThatThrownBy(() -> http.toBlocking().exchange(HttpRequest.POST("/v1/usage", "hello")
                .contentType(MediaType.TEXT_PLAIN_TYPE), String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class, refused -> {
                    assertThat(refused.getStatus().getCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode());
                    assertThat(refused.getResponse().getContentType()).get().asString()
                            .startsWith("application/problem+json");
                    assertThat(refused.getResponse().getBody(String.class)).get().asString()
                            .startsWith("{\"type\":\"about:blank\",\"title\":\"Unsupported Media Type\",\"status\":415,")
                            .contains("\"errors\":[{", "text/plain").doesNotContain("_links");
                });
        assertThatThrownBy(() -> http.toBlocking().exchange(HttpRequest.GET("/v1/nothing"), String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class, refused -> {
                    assertThat(refused.getStatus().getCode()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
                    assertThat(refused.getResponse().getBody(String.class)).get().asString()
                            .startsWith("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404");
                });
    }

    private static HttpRequest<String> postBatch(String body) {
        return HttpRequest.POST("/v1/usage/batch", body).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static HttpRequest<String> post(String body) {
        return HttpRequest.POST("/v1/usage", body).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
