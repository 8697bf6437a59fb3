package dev.aispend.ingest.source.providers.anthropic;

import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.ingest.acceptance.InvalidSubmissionException;
import dev.aispend.ingest.identity.SubjectAliases;
import dev.aispend.ingest.acceptance.UsageSubmission;
import dev.aispend.ingest.source.providers.MappedPage;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static dev.aispend.ingest.source.providers.PageFixtures.AFTER_THE_FIXTURES;
import static dev.aispend.ingest.source.providers.PageFixtures.ANTHROPIC_COSTS;
import static dev.aispend.ingest.source.providers.PageFixtures.json;
import static dev.aispend.ingest.source.providers.PageFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnthropicCostReportTest {
    private final AnthropicCostReport report = new AnthropicCostReport(AFTER_THE_FIXTURES);

    @Test
    void reads_the_cents_string_exactly_as_usd_micros() {
        List<UsageSubmission> usage = report.map(json(text(ANTHROPIC_COSTS))).usage();

        // "123.45" cents is $1.2345; "750.00000" is $7.50; "10.0" is $0.10.
        assertThat(usage).extracting(UsageSubmission::reportedCostUsdMicros)
                .containsExactly(1_234_500L, 7_500_000L, 100_000L);
        assertThat(usage).allSatisfy(record -> {
            assertThat(record.tokens()).isEqualTo(TokenCounts.zero());
            assertThat(record.subject()).isEqualTo(SubjectAliases.NONE);
            assertThat(record.source()).isEqualTo("anthropic:cost-report");
        });
    }

    @Test
    void keeps_the_cost_items_grouping_as_attributes_and_names_a_modelless_cost_unknown() {
        List<UsageSubmission> usage = report.map(json(text(ANTHROPIC_COSTS))).usage();

        assertThat(usage.get(0).model()).isEqualTo("claude-sonnet-4-20250514");
        assertThat(usage.get(0).attributes()).containsEntry("anthropic.token_type", "uncached_input_tokens")
                .containsEntry("anthropic.description", "Claude Sonnet 4 Usage - Input Tokens");
        assertThat(usage.get(2).model()).isEqualTo("unknown");
        assertThat(usage.get(2).attributes()).containsEntry("anthropic.cost_type", "web_search");
        assertThat(usage).extracting(UsageSubmission::id).doesNotHaveDuplicates();
    }

    @Test
    void refuses_a_currency_other_than_usd() {
        String euros = text(ANTHROPIC_COSTS).replaceFirst("\"currency\": \"USD\"", "\"currency\": \"EUR\"");

        assertThatThrownBy(() -> report.map(json(euros))).isInstanceOfSatisfying(InvalidSubmissionException.class,
                refused -> assertThat(refused.violations()).singleElement().satisfies(violation -> {
                    assertThat(violation.field()).isEqualTo("data[0].results[0].currency");
                    assertThat(violation.message()).contains("only USD");
                }));
    }

    @Test
    void refuses_an_amount_sent_as_a_number_or_not_a_decimal() {
        String number = text(ANTHROPIC_COSTS).replace("\"amount\": \"123.45\"", "\"amount\": 123.45");
        String words = text(ANTHROPIC_COSTS).replace("\"amount\": \"123.45\"", "\"amount\": \"a lot\"");

        assertThatThrownBy(() -> report.map(json(number))).isInstanceOf(InvalidSubmissionException.class)
                .hasMessageContaining("data[0].results[0].amount: must be a decimal string in cents");
        assertThatThrownBy(() -> report.map(json(words))).isInstanceOf(InvalidSubmissionException.class)
                .hasMessageContaining("data[0].results[0].amount: must be a decimal number");
    }

    @Test
    void skips_a_zero_amount() {
        MappedPage page = report.map(json(text(ANTHROPIC_COSTS).replace("\"10.0\"", "\"0.000\"")));

        assertThat(page.usage()).hasSize(2);
        assertThat(page.skipped()).isEqualTo(1);
    }

    @Test
    void refuses_an_amount_too_large_to_hold_in_usd_micros_naming_it() {
        // 5*10^16 cents is $5*10^14: more than 2^62 micros; read as nothing, it would have been skipped as zero.
        String huge = text(ANTHROPIC_COSTS).replace("\"amount\": \"123.45\"", "\"amount\": \"50000000000000000\"");

        assertThatThrownBy(() -> report.map(json(huge))).isInstanceOfSatisfying(InvalidSubmissionException.class,
                refused -> assertThat(refused.violations()).singleElement().satisfies(violation -> {
                    assertThat(violation.field()).isEqualTo("data[0].results[0].amount");
                    assertThat(violation.message()).contains("too large");
                }));
    }

    @Test
    void refuses_a_bucket_still_filling_naming_its_end_and_takes_it_once_it_has_ended() {
        Instant end = Instant.parse("2025-08-02T00:00:00Z");
        AnthropicCostReport beforeTheEnd = new AnthropicCostReport(Clock.fixed(end.minusSeconds(1), ZoneOffset.UTC));
        AnthropicCostReport atTheEnd = new AnthropicCostReport(Clock.fixed(end, ZoneOffset.UTC));

        assertThatThrownBy(() -> beforeTheEnd.map(json(text(ANTHROPIC_COSTS))))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, refused -> assertThat(refused.violations())
                        .singleElement().satisfies(violation -> {
                            assertThat(violation.field()).isEqualTo("data[0].ending_at");
                            assertThat(violation.message()).contains("still filling");
                        }));
        assertThat(atTheEnd.map(json(text(ANTHROPIC_COSTS))).usage()).hasSize(3);
    }
}
