package dev.aispend.platform.pricing;

import dev.aispend.contracts.ledger.RateCardRef;
import dev.aispend.contracts.ledger.Spend;
import dev.aispend.contracts.usage.TokenCounts;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static dev.aispend.platform.pricing.RateCardFixtures.SONNET_PRICE;
import static dev.aispend.platform.pricing.RateCardFixtures.card;
import static dev.aispend.platform.pricing.RateCardFixtures.flatPrice;
import static dev.aispend.platform.pricing.RateCardFixtures.model;
import static dev.aispend.platform.pricing.RateCardFixtures.sonnetContent;
import static dev.aispend.platform.pricing.RateCardFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PricerTest {
    private static final String SONNET = "claude-sonnet-4-5";
    private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");
    private static final RateCardVersion LIST = version("anthropic-list", 4, "2026-01-01T00:00:00Z", 7,
            new RateCard("anthropic", Map.of(SONNET, SONNET_PRICE)));

    @Test
    void prices_a_typical_usage_at_list_prices() {
        // 1200 input tokens at 3 USD and 340 output at 15 USD per million: 3600 + 5100 micros.
        assertThat(Pricer.costUsdMicros(TokenCounts.of(1200, 340), SONNET_PRICE)).isEqualTo(8700);
    }

    @Test
    void an_exactly_half_micro_rounds_up() {
        assertThat(Pricer.costUsdMicros(TokenCounts.of(1, 0), flatPrice(500_000))).isEqualTo(1);
        assertThat(Pricer.costUsdMicros(TokenCounts.of(3, 0), flatPrice(500_000))).isEqualTo(2);
    }

    @Test
    void just_below_half_a_micro_rounds_down() {
        assertThat(Pricer.costUsdMicros(TokenCounts.of(1, 0), flatPrice(499_999))).isZero();
        assertThat(Pricer.costUsdMicros(TokenCounts.of(3, 0), flatPrice(499_999))).isEqualTo(1);
    }

    @Test
    void a_sub_micro_total_is_priced_at_zero_and_still_names_its_card() {
        Spend spend = Pricer.price(TokenCounts.of(1, 0), Optional.of(new Priced(LIST, SONNET, flatPrice(1))));

        assertThat(spend.costUsdMicros()).isZero();
        assertThat(spend.priced()).isTrue();
        assertThat(spend.rateCard()).isEqualTo(new RateCardRef("anthropic-list", 4));
    }

    @Test
    void rounds_once_per_record_not_once_per_token_type() {
        // 0.4 + 0.4 micros: rounded per type that would be 0, rounded once it is 1.
        ModelPrice price = new ModelPrice(400_000, 400_000, 0, 0, 0, 0);

        assertThat(Pricer.costUsdMicros(TokenCounts.of(1, 1), price)).isEqualTo(1);
    }

    @Test
    void prices_each_token_type_with_its_own_price() {
        // 1..6 micros per token, and a different power of ten of tokens per type: each digit is one type.
        ModelPrice price = new ModelPrice(1_000_000, 2_000_000, 3_000_000, 4_000_000, 5_000_000, 6_000_000);
        TokenCounts tokens = new TokenCounts(1, 10, 100, 1_000, 10_000, 100_000);

        assertThat(Pricer.costUsdMicros(tokens, price)).isEqualTo(654_321);
        assertThat(Pricer.costUsdMicros(new TokenCounts(0, 0, 0, 0, 0, 1), price)).isEqualTo(6);
        assertThat(Pricer.costUsdMicros(new TokenCounts(0, 0, 0, 0, 1, 0), price)).isEqualTo(5);
        assertThat(Pricer.costUsdMicros(new TokenCounts(0, 0, 0, 1, 0, 0), price)).isEqualTo(4);
        assertThat(Pricer.costUsdMicros(new TokenCounts(0, 0, 1, 0, 0, 0), price)).isEqualTo(3);
    }

    @Test
    void reasoning_tokens_cost_the_output_price_when_the_card_omits_a_reasoning_price() {
        Map<String, Object> content = sonnetContent();
        model(content, 0).remove("reasoningUsdMicrosPerMillionTokens");
        ModelPrice price = RateCard.parse(content).priceOf(SONNET).orElseThrow();

        long reasoning = Pricer.costUsdMicros(new TokenCounts(0, 0, 0, 0, 0, 1000), price);

        assertThat(reasoning).isEqualTo(Pricer.costUsdMicros(TokenCounts.of(0, 1000), price)).isEqualTo(15_000);
    }

    @Test
    void prices_through_the_book_and_records_the_card_version() {
        RateCardBook book = RateCardBook.empty().with(LIST);

        Spend spend = Pricer.price(book, "anthropic", SONNET, AT, TokenCounts.of(1200, 340));

        assertThat(spend).isEqualTo(Spend.priced(TokenCounts.of(1200, 340), 8700,
                new RateCardRef("anthropic-list", 4)));
    }

    @Test
    void without_a_card_the_spend_is_recorded_unpriced() {
        Spend spend = Pricer.price(RateCardBook.empty().with(LIST), "anthropic", "gpt-5", AT,
                TokenCounts.of(10, 10));

        assertThat(spend).isEqualTo(Spend.unpriced(TokenCounts.of(10, 10), Spend.NO_RATE_CARD));
    }

    @Test
    void a_product_overflowing_a_long_records_the_spend_unpriced_and_the_strict_cost_throws() {
        TokenCounts huge = TokenCounts.of(Long.MAX_VALUE / 2, 0);
        Priced priced = new Priced(LIST, SONNET, flatPrice(RateCard.MAX_PRICE_USD_MICROS_PER_MILLION_TOKENS));

        assertThat(Pricer.price(huge, Optional.of(priced)))
                .isEqualTo(Spend.unpriced(huge, Spend.COST_OVERFLOW));
        assertThatThrownBy(() -> Pricer.costUsdMicros(huge, priced.price()))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void a_sum_overflowing_a_long_also_records_the_spend_unpriced() {
        // Each product fits a long; their sum does not.
        TokenCounts tokens = TokenCounts.of(Long.MAX_VALUE / 2 + 1, Long.MAX_VALUE / 2 + 1);
        Priced priced = new Priced(LIST, SONNET, flatPrice(1));

        assertThat(Pricer.price(tokens, Optional.of(priced)).unpricedReason()).isEqualTo(Spend.COST_OVERFLOW);
        assertThatThrownBy(() -> Pricer.costUsdMicros(tokens, priced.price()))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void rounding_a_total_at_the_long_limit_does_not_overflow() {
        // 9223372036854.775807 micros rounds up to 9223372036855 without adding half a million first.
        assertThat(Pricer.costUsdMicros(TokenCounts.of(Long.MAX_VALUE, 0), flatPrice(1)))
                .isEqualTo(9_223_372_036_855L);
    }

    @Test
    void uses_the_price_of_the_card_in_force_at_the_usage() {
        RateCardBook book = RateCardBook.empty()
                .with(version("list", 1, "2026-01-01T00:00:00Z", 1, card("anthropic", SONNET, flatPrice(1_000_000))))
                .with(version("list", 2, "2026-03-01T12:00:00Z", 2, card("anthropic", SONNET, flatPrice(2_000_000))));

        assertThat(Pricer.price(book, null, SONNET, AT, TokenCounts.of(5, 0)).costUsdMicros()).isEqualTo(10);
        assertThat(Pricer.price(book, null, SONNET, AT.minusNanos(1), TokenCounts.of(5, 0)).costUsdMicros())
                .isEqualTo(5);
    }
}
