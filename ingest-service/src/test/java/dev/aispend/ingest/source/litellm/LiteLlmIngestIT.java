package dev.aispend.ingest.source.litellm;

import dev.aispend.contracts.Topics;
import dev.aispend.ingest.IngestIntegration;
import dev.aispend.testsupport.KafkaProbe;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.aispend.ingest.source.litellm.LiteLlmFixtures.BATCH;
import static dev.aispend.ingest.source.litellm.LiteLlmFixtures.SINGLE;
import static dev.aispend.ingest.source.litellm.LiteLlmFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
class LiteLlmIngestIT extends IngestIntegration {

    private static final String PATH = "/v1/integrations/litellm";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    JsonMapper jsonMapper;

    LiteLlmIngestIT() {
        // The fixtures keep LiteLLM's real times (November 2025); the live-age bound must not expire them.
        super("litellm-it.", Map.of("ingest.max-record-age", "36500d"));
    }

    @Test
    void publishes_one_record_per_billed_call_of_a_gateway_batch_and_skips_the_rest() {
        KafkaProbe probe = probe();

        HttpResponse<String> response = http.postJson(PATH, text(BATCH));

        assertThat(response.code()).isEqualTo(HttpStatus.OK.getCode());
        assertThat(response.body()).contains("\"accepted\":2", "\"evidence\":0", "\"skipped\":2");
        List<ConsumerRecord<String, String>> published = probe.recordsSinceCreated(2, WAIT);
        assertThat(published).hasSize(2);
        assertThat(published).extracting(ConsumerRecord::value)
                .anySatisfy(value -> assertThat(value).contains(
                        "\"usageRecordId\":\"litellm-chatcmpl-7b2e4d10-1c3a-4f5e-8d9c-0a1b2c3d4e5f\"",
                        "\"source\":\"litellm\"", "\"team\":\"platform\"", "\"provider\":\"anthropic\"",
                        "\"inputTokens\":3", "\"cacheReadTokens\":2000", "\"cacheWrite5mTokens\":12304",
                        "\"reportedCostUsdMicros\":12346", "\"purpose\":\"code-review\"", "\"personRef\":\"als_"))
                .anySatisfy(value -> assertThat(value).contains("\"team\":\"team-research\"",
                        "\"reasoningTokens\":640", "\"outputTokens\":260"))
                .allSatisfy(value -> assertThat(value).doesNotContain("alice", "bob@", "customer-42", "EVIDENCE"));
    }

    @Test
    void records_a_payload_sent_twice_under_one_id_for_the_ledger_to_keep_once() {
        KafkaProbe probe = probe();

        assertThat(http.postJson(PATH, text(SINGLE)).code()).isEqualTo(HttpStatus.OK.getCode());
        assertThat(http.postJson(PATH, text(SINGLE)).code()).isEqualTo(HttpStatus.OK.getCode());

        assertThat(probe.recordsSinceCreated(2, WAIT)).extracting(ConsumerRecord::value)
                .hasSize(2).allSatisfy(value -> assertThat(value)
                        .contains("\"usageRecordId\":\"litellm-chatcmpl-3f1c2a90-7e55-4c1b-9a77-2b1d4e8f6a01\""));
    }

    @Test
    void accepts_the_ndjson_log_format() throws Exception {
        KafkaProbe probe = probe();
        StringBuilder ndjson = new StringBuilder();
        for (JsonNode payload : jsonMapper.readValue(text(BATCH), JsonNode.class).values()) {
            ndjson.append(new String(jsonMapper.writeValueAsBytes(payload), StandardCharsets.UTF_8)).append('\n');
        }

        HttpResponse<String> response = http.postJson(PATH, ndjson.toString());

        assertThat(response.body()).contains("\"accepted\":2", "\"skipped\":2");
        assertThat(probe.recordsSinceCreated(2, WAIT)).hasSize(2);
    }

    @Test
    void refuses_a_batch_with_one_bad_payload_naming_it_and_publishes_nothing() {
        KafkaProbe probe = probe();
        String negative = text(BATCH).replace("\"prompt_tokens\": 1200", "\"prompt_tokens\": -1200");

        assertRefused(negative, "\"field\":\"[1].prompt_tokens\"", "must not be negative");
        assertThat(probe.endOffsetsUnchanged()).isTrue();
    }

    @Test
    void refuses_a_payload_breaking_a_shared_rule_in_litellms_own_field_names() {
        KafkaProbe probe = probe();
        String future = text(SINGLE).replace("\"endTime\": 1763807730.123456", "\"endTime\": 4102444800");

        assertRefused(future, "\"field\":\"endTime\"", "in the future");
        assertThat(probe.endOffsetsUnchanged()).isTrue();
    }

    @Test
    void refuses_malformed_json_and_a_field_given_twice() {
        KafkaProbe probe = probe();

        assertRefused("[{\"id\": ", "is not valid JSON");
        assertRefused(text(SINGLE).replace("\"prompt_tokens\": 14307", "\"prompt_tokens\": 1, \"prompt_tokens\": 14307"),
                "Duplicate field");
        assertThat(probe.endOffsetsUnchanged()).isTrue();
    }

    private void assertRefused(String body, String... expected) {
        http.assertRefused(PATH, body, expected);
    }

    private KafkaProbe probe() {
        return probe(Topics.USAGE_V1);
    }
}
