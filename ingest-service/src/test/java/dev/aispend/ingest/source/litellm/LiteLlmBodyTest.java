package dev.aispend.ingest.source.litellm;

import dev.aispend.ingest.acceptance.InvalidSubmissionException;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.aispend.ingest.source.litellm.LiteLlmFixtures.BATCH;
import static dev.aispend.ingest.source.litellm.LiteLlmFixtures.MAPPER;
import static dev.aispend.ingest.source.litellm.LiteLlmFixtures.SINGLE;
import static dev.aispend.ingest.source.litellm.LiteLlmFixtures.elements;
import static dev.aispend.ingest.source.litellm.LiteLlmFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiteLlmBodyTest {

    @Test
    void reads_the_json_array_single_and_ndjson_log_formats_alike() throws Exception {
        JsonNode array = MAPPER.readValue(text(BATCH), JsonNode.class);
        StringBuilder ndjson = new StringBuilder();
        for (JsonNode payload : array.values()) {
            ndjson.append(new String(MAPPER.writeValueAsBytes(payload), StandardCharsets.UTF_8)).append('\n');
        }

        List<LiteLlmBody.Element> fromArray = elements(text(BATCH));
        List<LiteLlmBody.Element> fromLines = elements(ndjson.toString());

        assertThat(fromArray).hasSize(4).extracting(LiteLlmBody.Element::path)
                .containsExactly("[0]", "[1]", "[2]", "[3]");
        assertThat(fromLines).extracting(LiteLlmBody.Element::node)
                .isEqualTo(fromArray.stream().map(LiteLlmBody.Element::node).toList());
        assertThat(elements(text(SINGLE))).singleElement()
                .satisfies(single -> assertThat(single.path()).isEmpty());
    }

    @Test
    void takes_a_pretty_printed_object_as_one_payload_not_one_per_line() {
        assertThat(elements(text(SINGLE))).hasSize(1);
    }

    @Test
    void refuses_trailing_garbage_rather_than_ignoring_it() {
        assertThatThrownBy(() -> elements(text(SINGLE) + " garbage"))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, refused ->
                        assertThat(refused.violations()).singleElement().satisfies(violation ->
                                assertThat(violation.message()).startsWith("is not valid JSON")));
    }

    @Test
    void refuses_malformed_json_and_an_empty_body() {
        assertThatThrownBy(() -> elements("[{\"id\": ")).isInstanceOf(InvalidSubmissionException.class)
                .hasMessageContaining("is not valid JSON");
        assertThatThrownBy(() -> elements("  ")).isInstanceOf(InvalidSubmissionException.class)
                .hasMessageContaining("the body is empty");
    }

    @Test
    void refuses_more_payloads_than_a_request_may_carry() {
        byte[] three = "{\"id\":\"a\"}\n{\"id\":\"b\"}\n{\"id\":\"c\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> LiteLlmBody.elements(MAPPER, three, 2)).isInstanceOf(InvalidSubmissionException.class)
                .hasMessageContaining("at most 2");
        assertThat(LiteLlmBody.elements(MAPPER, three, 3)).hasSize(3);
    }
}
