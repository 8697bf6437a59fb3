package dev.aispend.demo;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PricesTest {
    @Test
    void every_model_the_demo_uses_is_priced_as_the_default_rate_card_prices_it() throws Exception {
        Path seed = Path.of(System.getProperty("repository.root", ".."))
                .resolve("policy-service/src/main/resources/rate-cards/default-rate-cards.json");
        Map<String, ModelPrice> card = new HashMap<>();
        for (JsonNode entry : Json.MAPPER.readTree(seed.toFile()).path("cards")) {
            String provider = entry.path("content").path("provider").asText();
            for (JsonNode model : entry.path("content").path("models")) {
                card.put(model.path("model").asText(), new ModelPrice(provider, model.path("model").asText(),
                        model.path("inputUsdMicrosPerMillionTokens").asLong(),
                        model.path("outputUsdMicrosPerMillionTokens").asLong(),
                        model.path("cacheReadUsdMicrosPerMillionTokens").asLong(),
                        model.path("cacheWrite5mUsdMicrosPerMillionTokens").asLong(),
                        model.path("cacheWrite1hUsdMicrosPerMillionTokens").asLong()));
            }
        }
        assertThat(Prices.all().values()).allSatisfy(price -> assertThat(card.get(price.model())).isEqualTo(price));
    }

    @Test
    void a_cost_is_the_exact_sum_divided_once_and_rounded_half_up() {
        ModelPrice sonnet = Prices.of(Prices.SONNET);
        assertThat(sonnet.cost(new Tokens(1200, 340, 0, 0, 0, 0))).isEqualTo(8700);
        assertThat(sonnet.cost(new Tokens(1, 0, 0, 0, 0, 0))).isEqualTo(3);
        assertThat(Prices.of(Prices.HAIKU).cost(new Tokens(0, 0, 4, 0, 0, 0))).isZero();
        assertThat(Prices.of(Prices.O4_MINI).cost(new Tokens(0, 0, 0, 0, 0, 1_000_000))).isEqualTo(4_400_000);
    }

    @Test
    void github_signature_matches_githubs_published_test_vector() {
        assertThat(GithubSignature.of("It's a Secret to Everybody", "Hello, World!".getBytes()))
                .isEqualTo("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
    }
}
