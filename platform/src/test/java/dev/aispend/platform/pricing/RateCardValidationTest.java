package dev.aispend.platform.pricing;

import dev.aispend.platform.pricing.InvalidRateCardException.Problem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.aispend.platform.pricing.RateCardFixtures.SONNET_PRICE;
import static dev.aispend.platform.pricing.RateCardFixtures.content;
import static dev.aispend.platform.pricing.RateCardFixtures.model;
import static dev.aispend.platform.pricing.RateCardFixtures.modelContent;
import static dev.aispend.platform.pricing.RateCardFixtures.sonnetContent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every refusal names the JSON path of the field at fault, so an author can find it in a card of many models. */
class RateCardValidationTest {
    private static final String OUTPUT = "outputUsdMicrosPerMillionTokens";

    @Test
    void refuses_missing_content_naming_the_root() {
        assertThat(problems(null)).containsExactly(new Problem("$", "is required: a rate card object"));
    }

    @Test
    void refuses_a_missing_blank_or_non_string_provider() {
        Map<String, Object> missing = sonnetContent();
        missing.remove("provider");

        assertThat(fields(missing)).containsExactly("provider");
        assertThat(fields(content("  ", modelContent("m", SONNET_PRICE)))).containsExactly("provider");
        Map<String, Object> number = sonnetContent();
        number.put("provider", 7);
        assertThat(problems(number)).containsExactly(new Problem("provider", "must be a string"));
    }

    @Test
    void refuses_a_provider_or_model_with_surrounding_whitespace_that_would_never_match() {
        assertThat(fields(content(" anthropic", modelContent("claude-sonnet-4-5 ", SONNET_PRICE))))
                .containsExactly("provider", "models[0].model");
    }

    @Test
    void refuses_missing_or_empty_models() {
        Map<String, Object> missing = sonnetContent();
        missing.remove("models");

        assertThat(fields(missing)).containsExactly("models");
        assertThat(problems(content("anthropic")))
                .containsExactly(new Problem("models", "must list at least one model"));
    }

    @Test
    void refuses_more_than_a_thousand_models() {
        List<Object> models = new ArrayList<>();
        for (int index = 0; index <= RateCard.MAX_MODELS; index++) {
            models.add(modelContent("model-" + index, SONNET_PRICE));
        }
        Map<String, Object> content = sonnetContent();
        content.put("models", models);

        assertThat(problems(content))
                .containsExactly(new Problem("models", "may list at most 1000 models, had 1001"));
        models.remove(0);
        assertThat(RateCard.parse(content).models()).hasSize(1000);
    }

    @Test
    void refuses_a_model_entry_that_is_not_an_object() {
        Map<String, Object> content = sonnetContent();
        content.put("models", List.of(modelContent("m", SONNET_PRICE), "claude"));

        assertThat(problems(content)).containsExactly(new Problem("models[1]", "must be an object"));
    }

    @Test
    void refuses_a_duplicate_model_naming_the_later_entry_and_the_first() {
        Map<String, Object> content = content("anthropic", modelContent("a", SONNET_PRICE),
                modelContent("claude-sonnet-4-5", SONNET_PRICE), modelContent("claude-sonnet-4-5", SONNET_PRICE));

        assertThat(problems(content)).containsExactly(new Problem("models[2].model",
                "lists claude-sonnet-4-5 again, already at models[1]"));
    }

    @Test
    void refuses_a_missing_model_name() {
        Map<String, Object> content = sonnetContent();
        model(content, 0).remove("model");

        assertThat(problems(content)).containsExactly(new Problem("models[0].model", "is required"));
    }

    @Test
    void refuses_each_missing_required_price_by_its_path() {
        for (String price : List.of("inputUsdMicrosPerMillionTokens", OUTPUT, "cacheReadUsdMicrosPerMillionTokens",
                "cacheWrite5mUsdMicrosPerMillionTokens", "cacheWrite1hUsdMicrosPerMillionTokens")) {
            Map<String, Object> content = threeModels();
            model(content, 2).remove(price);

            assertThat(problems(content)).containsExactly(new Problem("models[2]." + price,
                    "is required: USD micros per million tokens"));
        }
    }

    @Test
    void refuses_a_price_that_is_not_a_whole_number() {
        for (Object fractional : List.of(1.5, new BigDecimal("0.5"), 3_000_000.25)) {
            Map<String, Object> content = threeModels();
            model(content, 2).put(OUTPUT, fractional);

            assertThat(problems(content)).containsExactly(new Problem("models[2]." + OUTPUT,
                    "must be a whole number of USD micros, was " + fractional));
        }
    }

    @Test
    void refuses_a_price_that_is_not_a_number() {
        for (Object notANumber : List.of("15000000", true, Double.NaN, Double.POSITIVE_INFINITY, List.of(1))) {
            Map<String, Object> content = threeModels();
            model(content, 2).put(OUTPUT, notANumber);

            assertThat(fields(content)).as("%s", notANumber).containsExactly("models[2]." + OUTPUT);
        }
    }

    @Test
    void refuses_a_negative_price() {
        Map<String, Object> content = threeModels();
        model(content, 2).put(OUTPUT, -1);

        assertThat(problems(content))
                .containsExactly(new Problem("models[2]." + OUTPUT, "must not be negative, was -1"));
    }

    @Test
    void refuses_a_price_above_one_million_dollars_per_million_tokens_even_beyond_the_long_range() {
        for (Object tooHigh : List.of(1_000_000_000_001L, BigInteger.TWO.pow(64).add(BigInteger.valueOf(5)), 1e30)) {
            Map<String, Object> content = threeModels();
            model(content, 2).put("reasoningUsdMicrosPerMillionTokens", tooHigh);

            assertThat(problems(content)).containsExactly(new Problem("models[2].reasoningUsdMicrosPerMillionTokens",
                    "must be at most 1000000000000 (one million USD per million tokens), was " + tooHigh));
        }
    }

    @Test
    void refuses_unknown_fields_at_either_level_because_a_misspelt_price_must_not_pass() {
        Map<String, Object> content = threeModels();
        content.put("currency", "USD");
        model(content, 1).put("cachedReadUsdMicrosPerMillionTokens", 1);

        assertThat(problems(content)).containsExactly(
                new Problem("currency", "is not a field of a rate card"),
                new Problem("models[1].cachedReadUsdMicrosPerMillionTokens", "is not a field of a rate card model"));
    }

    @Test
    void reports_every_problem_at_once() {
        Map<String, Object> content = threeModels();
        content.remove("provider");
        model(content, 0).put("inputUsdMicrosPerMillionTokens", -5);
        model(content, 1).remove("model");
        model(content, 2).put(OUTPUT, 0.5);

        assertThat(fields(content)).containsExactly("provider", "models[0].inputUsdMicrosPerMillionTokens",
                "models[1].model", "models[2]." + OUTPUT);
    }

    @Test
    void caps_the_reported_problems_so_the_answer_stays_small() {
        List<Object> models = new ArrayList<>();
        for (int index = 0; index < 200; index++) {
            models.add(Map.of("model", "m" + index));
        }
        Map<String, Object> content = sonnetContent();
        content.put("models", models);

        List<Problem> problems = problems(content);

        assertThat(problems).hasSize(101);
        assertThat(problems.get(100)).isEqualTo(new Problem("$", "900 more problems not shown"));
    }

    private static Map<String, Object> threeModels() {
        return content("anthropic", modelContent("claude-haiku-4-5", SONNET_PRICE),
                modelContent("claude-opus-4-1", SONNET_PRICE), modelContent("claude-sonnet-4-5", SONNET_PRICE));
    }

    private static List<Problem> problems(Map<String, Object> content) {
        InvalidRateCardException refused = catchThrowableOfType(InvalidRateCardException.class,
                () -> RateCard.parse(content));
        assertThat(refused).as("refused").isNotNull();
        return refused.problems();
    }

    private static List<String> fields(Map<String, Object> content) {
        return problems(content).stream().map(Problem::field).toList();
    }
}
