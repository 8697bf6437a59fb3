package dev.aispend.ingest.source.providers.anthropic;

import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.ingest.acceptance.InvalidSubmissionException;
import dev.aispend.ingest.identity.SubjectAliases;
import dev.aispend.ingest.acceptance.UsageSubmission;
import dev.aispend.ingest.source.providers.MappedPage;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.aispend.ingest.source.providers.PageFixtures.AFTER_THE_FIXTURES;
import static dev.aispend.ingest.source.providers.PageFixtures.ANTHROPIC_USAGE;
import static dev.aispend.ingest.source.providers.PageFixtures.REFS;
import static dev.aispend.ingest.source.providers.PageFixtures.json;
import static dev.aispend.ingest.source.providers.PageFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnthropicUsageReportTest {
    private final AnthropicUsageReport report = new AnthropicUsageReport(REFS, AFTER_THE_FIXTURES);

    @Test
    void maps_each_bucket_and_group_to_one_record_with_its_tokens_by_type() {
        UsageSubmission usage = report.map(json(text(ANTHROPIC_USAGE))).usage().get(0);

        assertThat(usage.tokens()).isEqualTo(new TokenCounts(1500, 500, 200, 500, 1000, 0));
        assertThat(usage.occurredAt()).isEqualTo(Instant.parse("2025-08-01T00:00:00Z"));
        assertThat(usage.source()).isEqualTo("anthropic:usage-report");
        assertThat(usage.provider()).isEqualTo("anthropic");
        assertThat(usage.model()).isEqualTo("claude-sonnet-4-20250514");
        assertThat(usage.subject()).isEqualTo(new SubjectAliases(null, null, null, null,
                "apikey_01Rj2N8SVvo6BePZj99NhmiT"));
        assertThat(usage.reportedCostUsdMicros()).isNull();
        assertThat(usage.attributes()).containsEntry("anthropic.workspace_id", "wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ")
                .containsEntry("anthropic.web_search_requests", "10")
                .containsEntry("anthropic.bucket_end", "2025-08-02T00:00:00Z");
    }

    @Test
    void gives_the_same_ids_for_the_same_page_and_a_different_id_per_group() {
        MappedPage first = report.map(json(text(ANTHROPIC_USAGE)));
        MappedPage again = report.map(json(text(ANTHROPIC_USAGE)));

        assertThat(again.usage()).extracting(UsageSubmission::id)
                .isEqualTo(first.usage().stream().map(UsageSubmission::id).toList())
                .doesNotHaveDuplicates().allMatch(id -> id.startsWith("anthropic-usage-"));
    }

    @Test
    void skips_an_all_zero_group() {
        MappedPage page = report.map(json(text(ANTHROPIC_USAGE)));

        assertThat(page.usage()).hasSize(2);
        assertThat(page.skipped()).isEqualTo(1);
    }

    @Test
    void names_the_model_unknown_when_the_report_was_not_grouped_by_model() {
        String ungrouped = text(ANTHROPIC_USAGE).replace("\"model\": \"claude-3-5-haiku-20241022\",", "");

        assertThat(report.map(json(ungrouped)).usage().get(1).model()).isEqualTo("unknown");
    }

    @Test
    void refuses_a_negative_count_naming_its_bucket_result_and_field() {
        String negative = text(ANTHROPIC_USAGE).replace("\"output_tokens\": 20981", "\"output_tokens\": -20981");

        assertThatThrownBy(() -> report.map(json(negative))).isInstanceOfSatisfying(InvalidSubmissionException.class,
                refused -> assertThat(refused.violations()).singleElement().satisfies(violation -> {
                    assertThat(violation.field()).isEqualTo("data[0].results[1].output_tokens");
                    assertThat(violation.message()).isEqualTo("must not be negative");
                }));
    }

    @Test
    void refuses_a_count_of_the_wrong_type_and_a_missing_required_count() {
        String broken = text(ANTHROPIC_USAGE).replace("\"cache_read_input_tokens\": 200", "\"cache_read_input_tokens\": \"200\"")
                .replace("\"uncached_input_tokens\": 48210,", "");

        assertThatThrownBy(() -> report.map(json(broken))).isInstanceOfSatisfying(InvalidSubmissionException.class,
                refused -> assertThat(refused.violations()).extracting(violation -> violation.field())
                        .containsExactly("data[0].results[0].cache_read_input_tokens",
                                "data[0].results[1].uncached_input_tokens"));
    }

    @Test
    void ignores_fields_it_does_not_know() {
        String extended = text(ANTHROPIC_USAGE).replace("\"service_tier\": \"batch\",",
                "\"service_tier\": \"batch\", \"some_new_dimension\": {\"nested\": [1, 2]},");

        assertThat(report.map(json(extended)).usage()).hasSize(2);
    }

    @Test
    void refuses_a_body_that_is_not_a_page() {
        assertThatThrownBy(() -> report.map(json("[1, 2]"))).isInstanceOf(InvalidSubmissionException.class)
                .hasMessageContaining("must be a JSON object");
        assertThatThrownBy(() -> report.map(json("{\"data\": 7}"))).isInstanceOf(InvalidSubmissionException.class)
                .hasMessageContaining("data: must be an array");
    }
}
