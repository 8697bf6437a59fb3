package dev.aispend.platform.pricing;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import static dev.aispend.platform.pricing.RateCardFixtures.SONNET_PRICE;
import static dev.aispend.platform.pricing.RateCardFixtures.content;
import static dev.aispend.platform.pricing.RateCardFixtures.model;
import static dev.aispend.platform.pricing.RateCardFixtures.modelContent;
import static dev.aispend.platform.pricing.RateCardFixtures.sonnetContent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateCardParseTest {

    @Test
    void reads_the_documented_example() {
        RateCard card = RateCard.parse(sonnetContent());

        assertThat(card.provider()).isEqualTo("anthropic");
        assertThat(card.models()).containsOnlyKeys("claude-sonnet-4-5");
        assertThat(card.priceOf("claude-sonnet-4-5")).contains(SONNET_PRICE);
    }

    @Test
    void reasoning_price_defaults_to_the_output_price_when_omitted() {
        Map<String, Object> content = sonnetContent();
        model(content, 0).remove("reasoningUsdMicrosPerMillionTokens");
        model(content, 0).put("outputUsdMicrosPerMillionTokens", 12_000_000);

        ModelPrice price = RateCard.parse(content).priceOf("claude-sonnet-4-5").orElseThrow();

        assertThat(price.reasoningUsdMicrosPerMillionTokens()).isEqualTo(12_000_000);
    }

    @Test
    void an_explicit_null_reasoning_price_also_defaults_to_the_output_price() {
        Map<String, Object> content = sonnetContent();
        model(content, 0).put("reasoningUsdMicrosPerMillionTokens", null);

        ModelPrice price = RateCard.parse(content).priceOf("claude-sonnet-4-5").orElseThrow();

        assertThat(price.reasoningUsdMicrosPerMillionTokens()).isEqualTo(15_000_000);
    }

    @Test
    void an_explicit_reasoning_price_is_kept_even_when_it_differs_from_output() {
        Map<String, Object> content = sonnetContent();
        model(content, 0).put("reasoningUsdMicrosPerMillionTokens", 7);

        ModelPrice price = RateCard.parse(content).priceOf("claude-sonnet-4-5").orElseThrow();

        assertThat(price.reasoningUsdMicrosPerMillionTokens()).isEqualTo(7);
    }

    @Test
    void accepts_whole_numbers_in_every_type_a_json_decoder_produces() {
        Map<String, Object> content = sonnetContent();
        Map<String, Object> entry = model(content, 0);
        entry.put("inputUsdMicrosPerMillionTokens", Integer.valueOf(3_000_000));
        entry.put("outputUsdMicrosPerMillionTokens", Long.valueOf(15_000_000));
        entry.put("cacheReadUsdMicrosPerMillionTokens", BigInteger.valueOf(300_000));
        entry.put("cacheWrite5mUsdMicrosPerMillionTokens", Double.valueOf(3_750_000.0));
        entry.put("cacheWrite1hUsdMicrosPerMillionTokens", new BigDecimal("6.000000E+6"));
        entry.put("reasoningUsdMicrosPerMillionTokens", new BigDecimal("15000000.00"));

        assertThat(RateCard.parse(content).priceOf("claude-sonnet-4-5")).contains(SONNET_PRICE);
    }

    @Test
    void accepts_zero_and_the_maximum_price() {
        Map<String, Object> content = sonnetContent();
        model(content, 0).put("cacheReadUsdMicrosPerMillionTokens", 0);
        model(content, 0).put("outputUsdMicrosPerMillionTokens", RateCard.MAX_PRICE_USD_MICROS_PER_MILLION_TOKENS);

        ModelPrice price = RateCard.parse(content).priceOf("claude-sonnet-4-5").orElseThrow();

        assertThat(price.cacheReadUsdMicrosPerMillionTokens()).isZero();
        assertThat(price.outputUsdMicrosPerMillionTokens()).isEqualTo(1_000_000_000_000L);
    }

    @Test
    void matches_model_names_exactly_and_keeps_their_order() {
        RateCard card = RateCard.parse(content("anthropic",
                modelContent("claude-sonnet-4-5", SONNET_PRICE), modelContent("Claude-Sonnet-4-5", SONNET_PRICE),
                modelContent("claude-haiku-4-5", SONNET_PRICE)));

        assertThat(card.models().keySet())
                .containsExactly("claude-sonnet-4-5", "Claude-Sonnet-4-5", "claude-haiku-4-5");
        assertThat(card.priceOf("CLAUDE-SONNET-4-5")).isEmpty();
    }

    @Test
    void round_trips_through_its_content() {
        RateCard card = RateCard.parse(content("anthropic",
                modelContent("claude-sonnet-4-5", SONNET_PRICE),
                modelContent("claude-haiku-4-5", new ModelPrice(1_000_000, 5_000_000, 100_000, 1_250_000,
                        2_000_000, 5_000_000))));

        Map<String, Object> content = card.toContent();

        assertThat(RateCard.parse(content)).isEqualTo(card);
        assertThat(content).containsOnlyKeys("provider", "models");
        assertThat((List<?>) content.get("models")).hasSize(2);
    }

    @Test
    void writes_a_defaulted_reasoning_price_explicitly() {
        Map<String, Object> authored = sonnetContent();
        model(authored, 0).remove("reasoningUsdMicrosPerMillionTokens");

        Map<String, Object> written = RateCard.parse(authored).toContent();

        assertThat(model(written, 0)).containsEntry("reasoningUsdMicrosPerMillionTokens", 15_000_000L);
    }

    @Test
    void parsed_cards_cannot_be_changed_through_their_models() {
        RateCard card = RateCard.parse(sonnetContent());

        assertThatThrownBy(() -> card.models().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
