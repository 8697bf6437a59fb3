package dev.aispend.ingest.source.providers.openai;

import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.ingest.acceptance.InvalidSubmissionException;
import dev.aispend.ingest.acceptance.UsageSubmission;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static dev.aispend.ingest.source.providers.PageFixtures.AFTER_THE_FIXTURES;
import static dev.aispend.ingest.source.providers.PageFixtures.OPENAI_COSTS;
import static dev.aispend.ingest.source.providers.PageFixtures.REFS;
import static dev.aispend.ingest.source.providers.PageFixtures.json;
import static dev.aispend.ingest.source.providers.PageFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenAiCostsTest {
    private final OpenAiCosts costs = new OpenAiCosts(REFS, AFTER_THE_FIXTURES);

    @Test
    void reads_dollar_amounts_as_usd_micros_on_zero_token_records() {
        List<UsageSubmission> records = costs.map(json(text(OPENAI_COSTS))).usage();

        assertThat(records).extracting(UsageSubmission::reportedCostUsdMicros).containsExactly(60_000L, 12_500_000L);
        assertThat(records).allSatisfy(record -> {
            assertThat(record.tokens()).isEqualTo(TokenCounts.zero());
            assertThat(record.model()).isEqualTo("unknown");
            assertThat(record.source()).isEqualTo("openai:costs");
        });
        assertThat(records.get(0).attributes()).containsEntry("openai.line_item", "Image models")
                .containsEntry("openai.project_id", "proj_abc");
        assertThat(records).extracting(UsageSubmission::id).doesNotHaveDuplicates();
    }

    @Test
    void refuses_a_currency_other_than_usd_and_a_negative_amount() {
        String broken = text(OPENAI_COSTS).replace("\"currency\": \"usd\"", "\"currency\": \"eur\"")
                .replace("\"value\": 12.5", "\"value\": -12.5");

        assertThatThrownBy(() -> costs.map(json(broken))).isInstanceOfSatisfying(InvalidSubmissionException.class,
                refused -> assertThat(refused.violations()).extracting(violation -> violation.field() + ": "
                                + violation.message())
                        .containsExactly("data[0].results[0].amount.currency: is eur: only USD amounts are taken "
                                        + "(the ledger keeps USD micros)",
                                "data[0].results[1].amount.currency: is eur: only USD amounts are taken "
                                        + "(the ledger keeps USD micros)",
                                "data[0].results[1].amount.value: must not be negative"));
    }

    @Test
    void refuses_an_amount_too_large_to_hold_in_usd_micros_naming_it() {
        // $5*10^12 is 5*10^18 micros, more than 2^62: read as nothing, it would have been skipped as zero.
        String huge = text(OPENAI_COSTS).replace("\"value\": 12.5", "\"value\": 5000000000000");

        assertThatThrownBy(() -> costs.map(json(huge))).isInstanceOfSatisfying(InvalidSubmissionException.class,
                refused -> assertThat(refused.violations()).extracting(violation -> violation.field())
                        .containsExactly("data[0].results[1].amount.value"));
    }

    @Test
    void refuses_a_bucket_still_filling_naming_its_end() {
        // The fixture's bucket ends at 1730505600 (2024-11-02T00:00:00Z).
        OpenAiCosts midBucket = new OpenAiCosts(REFS, Clock.fixed(Instant.parse("2024-11-01T12:00:00Z"),
                ZoneOffset.UTC));

        assertThatThrownBy(() -> midBucket.map(json(text(OPENAI_COSTS))))
                .isInstanceOfSatisfying(InvalidSubmissionException.class, refused -> assertThat(refused.violations())
                        .extracting(violation -> violation.field()).containsExactly("data[0].end_time"));
    }
}
