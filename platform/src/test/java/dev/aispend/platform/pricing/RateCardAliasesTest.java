package dev.aispend.platform.pricing;

import dev.aispend.platform.pricing.InvalidRateCardException.Problem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.aispend.platform.pricing.RateCardFixtures.SONNET_PRICE;
import static dev.aispend.platform.pricing.RateCardFixtures.content;
import static dev.aispend.platform.pricing.RateCardFixtures.flatPrice;
import static dev.aispend.platform.pricing.RateCardFixtures.model;
import static dev.aispend.platform.pricing.RateCardFixtures.modelContent;
import static dev.aispend.platform.pricing.RateCardFixtures.problemsOf;
import static dev.aispend.platform.pricing.RateCardFixtures.withAliases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A model's other names: each prices exactly like its model, and every name a card knows prices one way. */
class RateCardAliasesTest {
    private static final String SONNET = "claude-sonnet-4-5";
    private static final String SNAPSHOT = "claude-sonnet-4-5-20250929";
    private static final String HAIKU = "claude-haiku-4-5";

    @Test
    void an_alias_prices_like_its_model() {
        RateCard card = RateCard.parse(content("anthropic",
                withAliases(modelContent(SONNET, SONNET_PRICE), SNAPSHOT, "claude-sonnet-4-5-latest"),
                modelContent(HAIKU, flatPrice(1))));

        assertThat(card.priceOf(SNAPSHOT)).contains(SONNET_PRICE);
        assertThat(card.modelNamed(SNAPSHOT)).contains(SONNET);
        assertThat(card.modelNamed(HAIKU)).contains(HAIKU);
        assertThat(card.modelNamed("claude-opus-4-1")).isEmpty();
        assertThat(card.aliasesOf(SONNET)).containsExactly(SNAPSHOT, "claude-sonnet-4-5-latest");
        assertThat(card.aliasesOf(HAIKU)).isEmpty();
    }

    @Test
    void round_trips_aliases_in_their_order_and_writes_none_for_a_model_without() {
        RateCard card = RateCard.parse(content("anthropic",
                withAliases(modelContent(SONNET, SONNET_PRICE), "b-name", "a-name"),
                modelContent(HAIKU, flatPrice(1))));

        Map<String, Object> written = card.toContent();

        assertThat(RateCard.parse(written)).isEqualTo(card);
        assertThat(model(written, 0)).containsEntry("aliases", List.of("b-name", "a-name"));
        assertThat(model(written, 1)).doesNotContainKey("aliases");
    }

    @Test
    void refuses_a_duplicate_alias_naming_its_path_and_the_first() {
        Map<String, Object> content = content("anthropic",
                withAliases(modelContent(SONNET, SONNET_PRICE), SNAPSHOT),
                withAliases(modelContent(HAIKU, SONNET_PRICE), "claude-haiku-4-5-20251001", SNAPSHOT));

        assertThat(problemsOf(content)).containsExactly(new Problem("models[1].aliases[1]",
                "lists alias " + SNAPSHOT + " again, already at models[0].aliases[0]"));
    }

    @Test
    void refuses_an_alias_repeated_within_one_model() {
        Map<String, Object> content = content("anthropic",
                withAliases(modelContent(SONNET, SONNET_PRICE), SNAPSHOT, SNAPSHOT));

        assertThat(problemsOf(content)).containsExactly(new Problem("models[0].aliases[1]",
                "lists alias " + SNAPSHOT + " again, already at models[0].aliases[0]"));
    }

    @Test
    void refuses_an_alias_equal_to_a_model_of_the_card_listed_before_after_or_as_itself() {
        Map<String, Object> content = content("anthropic",
                withAliases(modelContent(SONNET, SONNET_PRICE), HAIKU, SONNET),
                withAliases(modelContent(HAIKU, SONNET_PRICE), SONNET));

        assertThat(problemsOf(content)).containsExactly(
                new Problem("models[0].aliases[0]",
                        "is " + HAIKU + ", a model of this card (at models[1]); an alias must be another name"),
                new Problem("models[0].aliases[1]",
                        "is " + SONNET + ", a model of this card (at models[0]); an alias must be another name"),
                new Problem("models[1].aliases[0]",
                        "is " + SONNET + ", a model of this card (at models[0]); an alias must be another name"));
    }

    @Test
    void refuses_more_than_32_aliases_for_one_model() {
        List<String> aliases = new ArrayList<>();
        for (int index = 0; index <= RateCard.MAX_ALIASES_PER_MODEL; index++) {
            aliases.add("snapshot-" + index);
        }
        Map<String, Object> content = content("anthropic", withAliases(modelContent(SONNET, SONNET_PRICE),
                aliases.toArray(String[]::new)));

        assertThat(problemsOf(content)).containsExactly(
                new Problem("models[0].aliases", "may list at most 32 aliases, had 33"));
        aliases.remove(0);
        model(content, 0).put("aliases", aliases);
        assertThat(RateCard.parse(content).aliases()).hasSize(32);
    }

    @Test
    void refuses_aliases_that_break_the_rules_of_model_names_by_their_paths() {
        Map<String, Object> content = content("anthropic", modelContent(SONNET, SONNET_PRICE));
        List<Object> aliases = new ArrayList<>(List.of(7, " ", SNAPSHOT + " ", "x".repeat(129), "tab\there"));
        model(content, 0).put("aliases", aliases);

        assertThat(problemsOf(content)).containsExactly(
                new Problem("models[0].aliases[0]", "must be a string"),
                new Problem("models[0].aliases[1]", "must not be blank"),
                new Problem("models[0].aliases[2]", "must not start or end with whitespace"),
                new Problem("models[0].aliases[3]", "must be at most 128 characters"),
                new Problem("models[0].aliases[4]", "must not contain control characters"));
        model(content, 0).put("aliases", SNAPSHOT);
        assertThat(problemsOf(content))
                .containsExactly(new Problem("models[0].aliases", "must be an array of names"));
    }

    @Test
    void accepts_an_empty_or_null_alias_list_as_no_aliases() {
        Map<String, Object> empty = content("anthropic", withAliases(modelContent(SONNET, SONNET_PRICE)));
        Map<String, Object> absent = content("anthropic", modelContent(SONNET, SONNET_PRICE));
        model(absent, 0).put("aliases", null);

        assertThat(RateCard.parse(empty).aliases()).isEmpty();
        assertThat(RateCard.parse(absent)).isEqualTo(RateCard.parse(empty));
    }

    @Test
    void a_card_built_in_code_holds_to_the_same_alias_rules() {
        Map<String, ModelPrice> models = Map.of(SONNET, SONNET_PRICE, HAIKU, SONNET_PRICE);

        assertThatThrownBy(() -> new RateCard("anthropic", models, Map.of(HAIKU, SONNET), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is a model name");
        assertThatThrownBy(() -> new RateCard("anthropic", models, Map.of(SNAPSHOT, "claude-opus-4-1"), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new RateCard("anthropic", models).aliases()).isEmpty();
    }
}
