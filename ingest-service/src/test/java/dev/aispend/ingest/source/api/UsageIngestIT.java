package dev.aispend.ingest.source.api;

import dev.aispend.contracts.Topics;
import dev.aispend.ingest.IngestIntegration;
import dev.aispend.testsupport.KafkaProbe;
import dev.aispend.testsupport.metrics.PrometheusText;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.aispend.ingest.IngestHttp.assertProblem;
import static dev.aispend.ingest.IngestHttp.body;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class UsageIngestIT extends IngestIntegration {

    UsageIngestIT() {
        super("ingest-it.");
    }

    @Test
    void accepts_a_valid_record_only_after_kafka_has_it_and_publishes_no_identity() {
        KafkaProbe probe = probe(Topics.USAGE_V1);

        HttpResponse<String> response = http.postJson("/v1/usage", UsageJsonMother.valid("ingest-it-1", "platform"));

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
        String bad = UsageJsonMother.valid("ingest-it-2", "platform").replace("\"inputTokens\": 1200",
                "\"inputTokens\": -5");

        assertRefusedPublishingNothing("/v1/usage", bad, "\"field\":\"inputTokens\"", "must not be negative");
    }

    @Test
    void accepts_a_batch_only_after_kafka_has_every_record() {
        KafkaProbe probe = probe(Topics.USAGE_V1);
        String batch = "{\"records\": [" + UsageJsonMother.valid("batch-1", "platform") + ", "
                + UsageJsonMother.valid("batch-2", "research") + ", " + UsageJsonMother.valid("batch-3", "platform")
                + "]}";

        HttpResponse<String> response = http.postJson("/v1/usage/batch", batch);

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
        String batch = "{\"records\": [" + UsageJsonMother.valid("batch-4", "platform") + ", "
                + UsageJsonMother.valid("batch-5", "platform")
                        .replace("\"outputTokens\": 340", "\"outputTokens\": 1.5")
                + "]}";

        assertRefusedPublishingNothing("/v1/usage/batch", batch, "\"field\":\"records[1].outputTokens\"",
                "must be a whole number");
    }

    @Test
    void refuses_a_field_given_twice_rather_than_keeping_either_value() {
        String doubled = UsageJsonMother.valid("ingest-it-dup", "platform").replace("\"inputTokens\": 1200",
                "\"inputTokens\": 1, \"inputTokens\": 1000000");

        assertRefusedPublishingNothing("/v1/usage", doubled, "Duplicate field", "inputTokens");
    }

    @Test
    void refuses_malformed_json_and_a_body_over_the_size_limit() {
        http.assertRefused("/v1/usage", "{\"id\": ", "is not valid JSON");
        String huge = "{\"id\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        assertThat(http.postJson("/v1/usage", huge).code()).isEqualTo(HttpStatus.REQUEST_ENTITY_TOO_LARGE.getCode());
    }

    @Test
    void answers_framework_errors_as_problem_details_like_its_own() {
        HttpResponse<String> unsupported = http.exchange(HttpRequest.POST("/v1/usage", "hello")
                .contentType(MediaType.TEXT_PLAIN_TYPE));
        assertProblem(unsupported, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "\"errors\":[{", "text/plain");
        assertThat(body(unsupported))
                .startsWith("{\"type\":\"about:blank\",\"title\":\"Unsupported Media Type\",\"status\":415,")
                .doesNotContain("_links");
        HttpResponse<String> notFound = http.exchange(HttpRequest.GET("/v1/nothing"));
        assertThat(notFound.code()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
        assertThat(body(notFound)).startsWith("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404");
    }

    @Test
    void counts_the_records_kafka_took_by_source_and_type_and_not_the_refused_ones() {
        String series = "aispend_ingest_records_accepted_total{source=\"api\",type=\"usage\"}";
        double before = PrometheusText.valueOr(scrape(), series, 0);

        String fromAClient = UsageJsonMother.valid("ingest-it-counted", "platform")
                .replace("{", "{\"source\": \"ci-importer\", ");
        assertThat(http.postJson("/v1/usage", fromAClient).code()).isEqualTo(HttpStatus.ACCEPTED.getCode());
        http.assertRefused("/v1/usage", UsageJsonMother.valid("ingest-it-not-counted", "platform")
                .replace("\"inputTokens\": 1200", "\"inputTokens\": -5"), "inputTokens");

        // "api:ci-importer" counts under its channel: a caller-chosen client name is no label.
        assertThat(PrometheusText.valueOr(scrape(), series, 0)).isEqualTo(before + 1);
        assertThat(scrape()).doesNotContain("ci-importer");
    }

    @Test
    void answers_under_the_callers_request_id_and_names_it_in_a_problem() {
        HttpResponse<String> refused = http.exchange(HttpRequest.POST("/v1/usage", "{\"id\": ")
                .contentType(MediaType.APPLICATION_JSON_TYPE).header("X-Request-Id", "ingest-it-request-7"));

        assertProblem(refused, HttpStatus.BAD_REQUEST, "\"requestId\":\"ingest-it-request-7\"");
        assertThat(refused.header("X-Request-Id")).isEqualTo("ingest-it-request-7");
    }

    private String scrape() {
        return body(http.exchange(HttpRequest.GET("/prometheus")));
    }

    private void assertRefusedPublishingNothing(String path, String json, String... inBody) {
        KafkaProbe probe = probe(Topics.USAGE_V1);
        http.assertRefused(path, json, inBody);
        assertThat(probe.endOffsetsUnchanged()).isTrue();
    }
}
