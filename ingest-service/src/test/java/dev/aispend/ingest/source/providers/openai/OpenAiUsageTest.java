package dev.aispend.ingest.source.providers.openai;

import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.ingest.acceptance.InvalidSubmissionException;
import dev.aispend.ingest.identity.SubjectAliases;
import dev.aispend.ingest.acceptance.UsageSubmission;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.aispend.ingest.source.providers.PageFixtures.AFTER_THE_FIXTURES;
import static dev.aispend.ingest.source.providers.PageFixtures.OPENAI_COSTS;
import static dev.aispend.ingest.source.providers.PageFixtures.OPENAI_USAGE;
import static dev.aispend.ingest.source.providers.PageFixtures.REFS;
import static dev.aispend.ingest.source.providers.PageFixtures.json;
import static dev.aispend.ingest.source.providers.PageFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenAiUsageTest {
    private final OpenAiUsage usage = new OpenAiUsage(REFS, AFTER_THE_FIXTURES);

    @Test
    void takes_cached_tokens_out_of_input_tokens() {
        List<UsageSubmission> records = usage.map(json(text(OPENAI_USAGE))).usage();

        assertThat(records).extracting(UsageSubmission::tokens)
                .containsExactly(new TokenCounts(1000, 1000, 4000, 0, 0, 0), new TokenCounts(200, 500, 800, 0, 0, 0));
        assertThat(records.get(0).occurredAt()).isEqualTo(Instant.ofEpochSecond(1730419200));
        assertThat(records.get(0).model()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(records.get(1).model()).isEqualTo("unknown");
        assertThat(records.get(0).source()).isEqualTo("openai:usage");
        assertThat(records.get(0).provider()).isEqualTo("openai");
    }

    @Test
    void attributes_by_user_id_and_api_key_id_and_keeps_the_project_as_an_attribute() {
        UsageSubmission record = usage.map(json(text(OPENAI_USAGE))).usage().get(0);

        assertThat(record.subject()).isEqualTo(new SubjectAliases(null, null, null, "user-abc", "key_abc"));
        assertThat(record.attributes()).containsEntry("openai.project_id", "proj_abc")
                .containsEntry("openai.batch", "false").containsEntry("openai.num_model_requests", "5")
                .containsEntry("openai.input_audio_tokens", "300");
    }

    @Test
    void takes_cache_writes_out_of_input_tokens_as_the_current_api_counts_them() {
        String withWrites = text(OPENAI_USAGE).replace("\"input_cached_tokens\": 4000,",
                "\"input_cached_tokens\": 3000, \"input_cache_write_tokens\": 600, \"input_cache_write_12h_tokens\": 400,");

        assertThat(usage.map(json(withWrites)).usage().get(0).tokens())
                .isEqualTo(new TokenCounts(1000, 1000, 3000, 600, 400, 0));
    }

    @Test
    void gives_the_same_ids_for_the_same_page() {
        assertThat(usage.map(json(text(OPENAI_USAGE))).usage()).extracting(UsageSubmission::id)
                .isEqualTo(usage.map(json(text(OPENAI_USAGE))).usage().stream().map(UsageSubmission::id).toList())
                .doesNotHaveDuplicates();
    }

    @Test
    void refuses_a_costs_page_posted_as_usage() {
        assertThatThrownBy(() -> usage.map(json(text(OPENAI_COSTS)))).isInstanceOf(InvalidSubmissionException.class)
                .hasMessageContaining("data[0].results[0].object: is organization.costs.result");
    }

    @Test
    void refuses_a_start_time_that_is_not_unix_seconds() {
        String iso = text(OPENAI_USAGE).replace("\"start_time\": 1730419200", "\"start_time\": \"2024-11-01\"");

        assertThatThrownBy(() -> usage.map(json(iso))).isInstanceOf(InvalidSubmissionException.class)
                .hasMessageContaining("data[0].start_time: must be a Unix time in seconds");
    }
}
