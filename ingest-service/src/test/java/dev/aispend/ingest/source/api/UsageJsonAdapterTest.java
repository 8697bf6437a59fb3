package dev.aispend.ingest.source.api;

import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.ingest.acceptance.InvalidSubmissionException;
import dev.aispend.ingest.identity.SubjectAliases;
import dev.aispend.ingest.acceptance.UsageSubmission;
import dev.aispend.platform.web.FieldError;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsageJsonAdapterTest {
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private final UsageJsonAdapter adapter = new UsageJsonAdapter(50_000_000, 32);

    @Test
    void reads_every_field_of_the_documented_record() {
        UsageSubmission usage = adapter.single(tree(UsageJsonMother.complete("req-9")));

        assertThat(usage.id()).isEqualTo("req-9");
        assertThat(usage.source()).isEqualTo("api:my-gateway");
        assertThat(usage.subject()).isEqualTo(new SubjectAliases(null, "alice@example.com", "alice-gh",
                "user_01", "key_01"));
        assertThat(usage.team()).isNull();
        assertThat(usage.provider()).isEqualTo("anthropic");
        assertThat(usage.tokens()).isEqualTo(new TokenCounts(1200, 340, 5000, 100, 0, 0));
        assertThat(usage.purpose()).isEqualTo("code-review");
        assertThat(usage.sessionId()).isEqualTo("session-1");
        assertThat(usage.requestId()).isEqualTo("req_011");
        assertThat(usage.reportedCostUsdMicros()).isEqualTo(12_345L);
        assertThat(usage.attributes()).isEqualTo(Map.of("repository", "acme/api"));
        assertThat(usage.evidenceOnly()).isFalse();
    }

    @Test
    void stamps_the_api_source_when_the_client_names_none() {
        assertThat(adapter.single(tree(UsageJsonMother.valid())).source()).isEqualTo("api");
    }

    @Test
    void refuses_unknown_fields_wrong_types_and_a_record_about_nobody_naming_each() {
        String bad = """
                {"id": "r", "occurredAt": 5, "model": "m", "inputTokens": "12", "outputTokens": -1,
                 "cacheReadTokenz": 4, "aliases": {"mail": "x"}, "attributes": {"n": 1}}""";

        assertThatThrownBy(() -> adapter.single(tree(bad)))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, refused ->
                        assertThat(refused.violations()).extracting(FieldError::field).containsExactlyInAnyOrder(
                                "occurredAt", "inputTokens", "outputTokens", "cacheReadTokenz", "aliases.mail",
                                "attributes.n", "person"));
    }

    @Test
    void names_the_element_of_a_batch_that_is_wrong() {
        String batch = "{\"records\": [" + UsageJsonMother.valid("a", "platform") + ", "
                + UsageJsonMother.valid("b", "platform").replace("\"outputTokens\": 340", "\"outputTokens\": 1.5")
                + "]}";

        assertThatThrownBy(() -> adapter.batch(tree(batch)))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, refused ->
                        assertThat(refused.violations()).extracting(FieldError::field)
                                .containsExactly("records[1].outputTokens"));
    }

    @Test
    void refuses_an_empty_batch_and_fields_beside_the_records() {
        assertThatThrownBy(() -> adapter.batch(tree("{\"records\": [], \"extra\": 1}")))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, refused ->
                        assertThat(refused.violations()).extracting(FieldError::field)
                                .containsExactlyInAnyOrder("extra", "records"));
    }

    @Test
    void refuses_an_id_in_an_adapters_namespace_naming_it_so_a_client_cannot_claim_another_sources_record() {
        for (String taken : java.util.List.of("litellm-chatcmpl-1", "otlp-metric-0a1b", "anthropic-usage-0a1b",
                "openai-costs-0a1b", "github-pr-2840001", "lnk-0a1b")) {
            String batch = "{\"records\": [" + UsageJsonMother.valid("mine-1", "platform") + ", "
                    + UsageJsonMother.valid(taken, "platform") + "]}";

            assertThatThrownBy(() -> adapter.batch(tree(batch))).as(taken)
                    .isInstanceOfSatisfying(InvalidSubmissionException.class, refused ->
                            assertThat(refused.violations()).singleElement().satisfies(violation -> {
                                assertThat(violation.field()).isEqualTo("records[1].id");
                                assertThat(violation.message()).contains("must not begin with");
                            }));
        }
        assertThat(adapter.single(tree(UsageJsonMother.valid("litellm_gateway-1", "platform"))).id())
                .isEqualTo("litellm_gateway-1");
    }

    @Test
    void documents_in_openapi_exactly_the_fields_it_reads() {
        assertThat(java.util.Arrays.stream(UsageRecordSchema.class.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName))
                .containsExactlyInAnyOrderElementsOf(UsageJsonAdapter.FIELDS);
        assertThat(java.util.Arrays.stream(UsageRecordSchema.AliasesSchema.class.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName))
                .containsExactlyInAnyOrderElementsOf(UsageJsonAdapter.ALIAS_FIELDS);
    }

    @Test
    void refuses_a_token_count_the_json_parser_reads_as_infinite_naming_it() {
        String infinite = UsageJsonMother.valid().replace("\"inputTokens\": 1200", "\"inputTokens\": 1e400");

        assertThatThrownBy(() -> adapter.single(tree(infinite)))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, refused ->
                        assertThat(refused.violations()).extracting(FieldError::field).containsExactly("inputTokens"));
    }

    @Test
    void refuses_a_blank_person_or_alias_naming_it() {
        String blankPerson = UsageJsonMother.valid().replace("\"person\": \"alice@example.com\"",
                "\"person\": \"  \"");
        String blankAlias = UsageJsonMother.complete("req-blank").replace("\"githubLogin\": \"alice-gh\"",
                "\"githubLogin\": \" \"");

        assertThatThrownBy(() -> adapter.single(tree(blankPerson)))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, refused ->
                        assertThat(refused.violations()).extracting(FieldError::field).containsExactly("person"));
        assertThatThrownBy(() -> adapter.single(tree(blankAlias)))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, refused ->
                        assertThat(refused.violations()).extracting(FieldError::field)
                                .containsExactly("aliases.githubLogin"));
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readValue(json, JsonNode.class);
        } catch (IOException malformed) {
            throw new IllegalArgumentException(malformed);
        }
    }
}
