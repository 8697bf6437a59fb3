package dev.aispend.ledger.repricing;

import dev.aispend.contracts.ledger.RateCardRef;
import dev.aispend.contracts.ledger.Spend;
import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.contracts.ledger.SpendRepriced;
import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.platform.pricing.ModelPrice;
import dev.aispend.platform.pricing.RateCard;
import dev.aispend.platform.pricing.RateCardVersion;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RepricingPlannerTest {
    private static final String MODEL = "claude-sonnet-4-5";
    private static final Instant OCCURRED_AT = Instant.parse("2026-11-22T10:15:30Z");
    private static final Instant REQUESTED_AT = Instant.parse("2026-12-02T09:00:00Z");
    /** 3 USD per million input tokens, 15 per million output tokens. */
    private static final ModelPrice PRICE = new ModelPrice(3_000_000, 15_000_000, 300_000, 3_750_000, 6_000_000,
            15_000_000);
    private static final RateCardVersion CARD = new RateCardVersion("ratecard-anthropic", 2, OCCURRED_AT.minusSeconds(
            86_400), 7, new RateCard("anthropic", Map.of(MODEL, PRICE)));
    private static final Repricing REPRICING = new Repricing("rp-1", MODEL, OCCURRED_AT.minusSeconds(60),
            OCCURRED_AT.plusSeconds(60), "ratecard-anthropic", 2, "alice", "card recorded late");

    @Test
    void prices_unpriced_spend_and_carries_the_original_attributes() {
        SpendCandidate unpriced = new SpendCandidate(11, new SpendRecorded("record-11", "prs_1", "platform",
                "cc-4711", "anthropic", MODEL, Spend.unpriced(TokenCounts.of(1000, 100), Spend.NO_RATE_CARD), null,
                "code-review", "api", null, null, OCCURRED_AT, OCCURRED_AT.plusSeconds(1), "sha-11", null));

        RepricingPlanner.Plan plan = RepricingPlanner.plan(REPRICING, CARD, PRICE, List.of(unpriced), Map.of(),
                REQUESTED_AT);

        // 1000 * 3 + 100 * 15 = 4500 micros
        assertThat(plan.corrections()).containsExactly(new SpendRepriced("rp-1", 11, "record-11", "prs_1",
                "platform", MODEL, unpriced.recorded().spend(),
                Spend.priced(TokenCounts.of(1000, 100), 4500, new RateCardRef("ratecard-anthropic", 2)), "alice",
                "card recorded late", OCCURRED_AT, REQUESTED_AT, "cc-4711", "anthropic", "code-review"));
        assertThat(plan.costDeltaUsdMicros()).isEqualTo(4500);
        assertThat(plan.unchanged()).isZero();
    }

    @Test
    void leaves_the_attributes_the_original_did_not_have_empty() {
        SpendCandidate bare = candidate(12, null, Spend.unpriced(TokenCounts.of(1, 1), Spend.NO_RATE_CARD));

        SpendRepriced correction = RepricingPlanner.plan(REPRICING, CARD, PRICE, List.of(bare), Map.of(),
                REQUESTED_AT).corrections().get(0);

        assertThat(correction.costCenter()).isNull();
        assertThat(correction.provider()).isNull();
        assertThat(correction.purpose()).isNull();
    }

    @Test
    void starts_from_the_latest_correction_and_leaves_spend_already_at_this_price_alone() {
        TokenCounts tokens = TokenCounts.of(1000, 100);
        SpendCandidate corrected = candidate(11, null, Spend.unpriced(tokens, Spend.NO_RATE_CARD));
        SpendCandidate overpriced = candidate(12, "Anthropic",
                Spend.priced(tokens, 9000, new RateCardRef("ratecard-anthropic", 1)));
        Map<Long, Spend> latest = Map.of(11L, Spend.priced(tokens, 4500, CARD.reference()));

        RepricingPlanner.Plan plan = RepricingPlanner.plan(REPRICING, CARD, PRICE, List.of(corrected, overpriced),
                latest, REQUESTED_AT);

        assertThat(plan.unchanged()).isEqualTo(1);
        assertThat(plan.corrections()).extracting(SpendRepriced::originalPosition).containsExactly(12L);
        assertThat(plan.costDeltaUsdMicros()).isEqualTo(-4500);
    }

    @Test
    void attributes_spend_of_the_same_cost_to_the_chosen_card() {
        TokenCounts tokens = TokenCounts.of(1000, 100);
        SpendCandidate otherCard = candidate(13, null, Spend.priced(tokens, 4500, new RateCardRef("other", 1)));

        RepricingPlanner.Plan plan = RepricingPlanner.plan(REPRICING, CARD, PRICE, List.of(otherCard), Map.of(),
                REQUESTED_AT);

        assertThat(plan.corrections()).hasSize(1);
        assertThat(plan.costDeltaUsdMicros()).isZero();
    }

    @Test
    void skips_spend_of_another_provider() {
        SpendCandidate openai = candidate(14, "openai", Spend.unpriced(TokenCounts.of(1, 1), Spend.NO_RATE_CARD));

        RepricingPlanner.Plan plan = RepricingPlanner.plan(REPRICING, CARD, PRICE, List.of(openai), Map.of(),
                REQUESTED_AT);

        assertThat(plan.corrections()).isEmpty();
        assertThat(plan.otherProvider()).isEqualTo(1);
    }

    @Test
    void refuses_the_whole_repricing_when_one_cost_overflows() {
        ModelPrice huge = new ModelPrice(RateCard.MAX_PRICE_USD_MICROS_PER_MILLION_TOKENS, 0, 0, 0, 0, 0);
        SpendCandidate small = candidate(15, null, Spend.unpriced(TokenCounts.of(1, 0), Spend.NO_RATE_CARD));
        SpendCandidate enormous = candidate(16, null,
                Spend.unpriced(TokenCounts.of(10_000_000_000L, 0), Spend.NO_RATE_CARD));

        RepricingRefusedException refused = catchThrowableOfType(RepricingRefusedException.class,
                () -> RepricingPlanner.plan(REPRICING, CARD, huge, List.of(small, enormous), Map.of(),
                        REQUESTED_AT));

        assertThat(refused.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("rateCardVersion");
            assertThat(error.message()).contains("position 16", "overflows");
        });
    }

    private static SpendCandidate candidate(long position, String provider, Spend spend) {
        return new SpendCandidate(position, new SpendRecorded("record-" + position, "prs_1", "platform", null,
                provider, MODEL, spend, null, null, "api", null, null, OCCURRED_AT,
                OCCURRED_AT.plusSeconds(1), "sha-" + position, null));
    }
}
