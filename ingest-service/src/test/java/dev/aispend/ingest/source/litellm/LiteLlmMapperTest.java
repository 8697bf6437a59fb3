package dev.aispend.ingest.source.litellm;

import dev.aispend.ingest.identity.AliasKind;

import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.ingest.acceptance.InvalidSubmissionException;
import dev.aispend.ingest.identity.SubjectAliases;
import dev.aispend.ingest.acceptance.UsageSubmission;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.aispend.ingest.source.litellm.LiteLlmFixtures.BATCH;
import static dev.aispend.ingest.source.litellm.LiteLlmFixtures.SINGLE;
import static dev.aispend.ingest.source.litellm.LiteLlmFixtures.map;
import static dev.aispend.ingest.source.litellm.LiteLlmFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiteLlmMapperTest {

    @Test
    void takes_cache_reads_and_writes_out_of_an_anthropic_calls_prompt_tokens() {
        UsageSubmission usage = map(text(SINGLE)).submissions().get(0);

        // prompt_tokens 14307 = 3 uncached + 2000 cache reads + 12304 five-minute cache writes.
        assertThat(usage.tokens()).isEqualTo(new TokenCounts(3, 550, 2000, 12304, 0, 0));
        assertThat(usage.id()).isEqualTo("litellm-chatcmpl-3f1c2a90-7e55-4c1b-9a77-2b1d4e8f6a01");
        assertThat(usage.requestId()).isEqualTo("chatcmpl-3f1c2a90-7e55-4c1b-9a77-2b1d4e8f6a01");
        assertThat(usage.source()).isEqualTo("litellm");
        assertThat(usage.provider()).isEqualTo("anthropic");
        assertThat(usage.model()).isEqualTo("claude-sonnet-4-20250514");
        assertThat(usage.occurredAt()).isEqualTo(Instant.parse("2025-11-22T10:35:30.123456Z"));
        assertThat(usage.reportedCostUsdMicros()).isEqualTo(12_346L);
        assertThat(usage.team()).isEqualTo("platform");
        assertThat(usage.purpose()).isEqualTo("code-review");
        assertThat(usage.sessionId()).isEqualTo("6a0f2a7e-2f8c-4a55-9a43-0b5cf0a1d9e2");
        assertThat(usage.evidenceOnly()).isFalse();
    }

    @Test
    void prices_gemini_through_the_gemini_api_or_vertex_ai_by_googles_card_and_keeps_the_route() {
        for (String route : List.of("gemini", "vertex_ai")) {
            String body = text(SINGLE).replace("\"custom_llm_provider\": \"anthropic\"",
                    "\"custom_llm_provider\": \"" + route + "\"").replace("\"claude-sonnet-4-20250514\"",
                    "\"" + route + "/gemini-2.5-pro\"");
            UsageSubmission usage = map(body).submissions().get(0);

            assertThat(usage.provider()).as(route).isEqualTo("google");
            assertThat(usage.model()).as(route).isEqualTo("gemini-2.5-pro");
            assertThat(usage.attributes()).as(route).containsEntry("litellm.custom_llm_provider", route);
        }
    }

    @Test
    void keeps_a_resellers_name_so_only_its_own_card_prices_it() {
        String body = text(SINGLE).replace("\"custom_llm_provider\": \"anthropic\"",
                "\"custom_llm_provider\": \"bedrock\"");

        assertThat(map(body).submissions().get(0).provider()).isEqualTo("bedrock");
    }

    @Test
    void names_the_person_by_the_keys_email_user_id_and_key_hash() {
        UsageSubmission usage = map(text(SINGLE)).submissions().get(0);

        assertThat(usage.subject()).isEqualTo(new SubjectAliases(null, "alice@example.com", null, "u-1042",
                "88dc28d0f030c55ed4ab77ed8faf098196cb1c05df778539800c9f1243fe6b4b"));
    }

    @Test
    void takes_reasoning_out_of_output_and_cached_input_out_of_an_openai_calls_prompt_tokens() {
        UsageSubmission usage = map(text(BATCH)).submissions().get(1);

        // prompt 1200 with 1024 cached; completion 900 with 640 reasoning.
        assertThat(usage.tokens()).isEqualTo(new TokenCounts(176, 260, 1024, 0, 0, 640));
        assertThat(usage.reportedCostUsdMicros()).isEqualTo(4_521L);
    }

    @Test
    void skips_cache_hits_and_failed_calls_that_carry_no_tokens_and_counts_them() {
        LiteLlmMapper.Batch batch = map(text(BATCH));

        assertThat(batch.submissions()).hasSize(2);
        assertThat(batch.skipped()).isEqualTo(2);
        assertThat(batch.paths()).containsExactly("[0]", "[1]");
    }

    @Test
    void records_a_failed_call_that_carries_tokens_and_marks_it() {
        String failedWithTokens = text(SINGLE).replace("\"status\": \"success\"", "\"status\": \"failure\"");

        UsageSubmission usage = map(failedWithTokens).submissions().get(0);

        assertThat(usage.tokens().totalTokens()).isEqualTo(14857);
        assertThat(usage.attributes()).containsEntry("litellm.status", "failure");
    }

    @Test
    void falls_back_to_the_team_id_when_the_team_alias_is_not_a_valid_team_name() {
        UsageSubmission usage = map(text(BATCH)).submissions().get(1);

        assertThat(usage.team()).isEqualTo("team-research");
        assertThat(usage.attributes()).containsEntry("litellm.team_alias", "Research Team")
                .containsEntry("litellm.team_id", "team-research");
    }

    @Test
    void keeps_only_a_keyed_ref_of_the_end_user_never_its_value() {
        UsageSubmission usage = map(text(BATCH)).submissions().get(1);

        assertThat(usage.attributes()).containsEntry("litellm.end_user_ref",
                LiteLlmFixtures.REFS.ref(dev.aispend.ingest.identity.AliasKind.PERSON, "customer-42"));
        assertThat(usage.attributes().values()).noneMatch(value -> value.contains("customer-42"));
        assertThat(usage.attributes().get("litellm.request_tags"))
                .isEqualTo("purpose:research, User-Agent: OpenAI, User-Agent: OpenAI/Python 1.82.0");
    }

    @Test
    void takes_only_cache_reads_out_when_prompt_tokens_left_cache_writes_out() {
        // Some LiteLLM releases reported Anthropic's prompt_tokens without cache writes: 3 + 2000 reads.
        String older = text(SINGLE).replace("\"prompt_tokens\": 14307", "\"prompt_tokens\": 2003");

        UsageSubmission usage = map(older).submissions().get(0);

        assertThat(usage.tokens()).isEqualTo(new TokenCounts(3, 550, 2000, 12304, 0, 0));
    }

    @Test
    void reports_no_cost_when_litellm_says_its_cost_tracking_failed() {
        String untracked = text(SINGLE).replace("\"response_cost_failure_debug_info\": null",
                "\"response_cost_failure_debug_info\": {\"error_str\": \"model not mapped\", \"traceback_str\": \"\"}");

        assertThat(map(untracked).submissions().get(0).reportedCostUsdMicros()).isNull();
    }

    @Test
    void derives_a_valid_id_when_litellms_id_has_characters_our_ids_do_not_allow() {
        assertThat(LiteLlmMapper.id("msg_01 with spaces")).startsWith("litellm-").hasSize(8 + 32)
                .isEqualTo(LiteLlmMapper.id("msg_01 with spaces"));
        assertThat(LiteLlmMapper.id("chatcmpl-abc_cache_hit1763807820.871"))
                .isEqualTo("litellm-chatcmpl-abc_cache_hit1763807820.871");
    }

    @Test
    void reads_an_iso_time_without_offset_as_utc() {
        String isoTimes = text(SINGLE).replace("\"endTime\": 1763807730.123456", "\"endTime\": \"2025-11-22T10:35:30\"");

        assertThat(map(isoTimes).submissions().get(0).occurredAt()).isEqualTo(Instant.parse("2025-11-22T10:35:30Z"));
    }

    @Test
    void refuses_a_negative_token_count_naming_the_payload_and_field() {
        String negative = text(BATCH).replace("\"prompt_tokens\": 1200", "\"prompt_tokens\": -1200");

        assertThatThrownBy(() -> map(negative)).isInstanceOfSatisfying(InvalidSubmissionException.class,
                refused -> assertThat(refused.violations()).anySatisfy(violation -> {
                    assertThat(violation.field()).isEqualTo("[1].prompt_tokens");
                    assertThat(violation.message()).isEqualTo("must not be negative");
                }));
    }

    @Test
    void refuses_a_field_of_the_wrong_type() {
        String wrongType = text(SINGLE).replace("\"response_cost\": 0.0123456", "\"response_cost\": \"cheap\"");

        assertThatThrownBy(() -> map(wrongType)).isInstanceOfSatisfying(InvalidSubmissionException.class,
                refused -> assertThat(refused.violations()).extracting(violation -> violation.field())
                        .containsExactly("response_cost"));
    }

    @Test
    void refuses_a_response_cost_the_json_parser_reads_as_infinite_naming_it() {
        String infinite = text(SINGLE).replace("\"response_cost\": 0.0123456,", "\"response_cost\": 1e400,");

        assertThatThrownBy(() -> map(infinite)).isInstanceOfSatisfying(InvalidSubmissionException.class,
                refused -> assertThat(refused.violations()).extracting(violation -> violation.field())
                        .containsExactly("response_cost"));
    }

    @Test
    void refuses_token_counts_the_json_parser_reads_as_infinite_naming_them() {
        String infinite = text(SINGLE).replace("\"prompt_tokens\": 14307", "\"prompt_tokens\": 1e400");

        assertThatThrownBy(() -> map(infinite)).isInstanceOfSatisfying(InvalidSubmissionException.class,
                refused -> assertThat(refused.violations()).extracting(violation -> violation.field())
                        .contains("prompt_tokens"));
    }
}
