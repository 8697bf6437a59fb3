package dev.aispend.policy.ratecard;

import dev.aispend.contracts.policy.PolicyChangeRequest;
import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.platform.pricing.RateCard;
import dev.aispend.policy.changes.PolicyApi;
import dev.aispend.policy.seed.PolicySeed;
import dev.aispend.policy.seed.PolicySeedFile;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped seed file: every card is a valid rate card, and the requests it makes are the same every time. */
class RateCardSeedTest {
    private static final String RESOURCE = "rate-cards/default-rate-cards.json";

    @Test
    void every_card_of_the_shipped_seed_is_a_valid_rate_card_with_its_source() throws IOException {
        PolicySeed seed = read();

        assertThat(seed.policies()).extracting(PolicySeed.Policy::id)
                .containsExactly("default-anthropic", "default-openai", "default-google");
        for (PolicySeed.Policy card : seed.policies()) {
            RateCard parsed = RateCard.parse(card.content());
            assertThat(parsed.models()).isNotEmpty();
            assertThat(card.content()).containsKey("source");
            assertThat(PolicyApi.POLICY_ID.matcher(card.id()).matches()).isTrue();
        }
    }

    @Test
    void makes_identical_requests_every_time_so_two_instances_seeding_at_once_are_recorded_once()
            throws IOException {
        List<PolicyChangeRequest> first = read().requests();
        List<PolicyChangeRequest> second = read().requests();

        assertThat(first).isEqualTo(second);
        assertThat(first).allSatisfy(request -> {
            assertThat(request.kind()).isEqualTo(PolicyKind.RATE_CARD);
            assertThat(request.expectedVersion()).isZero();
            assertThat(request.actor()).isEqualTo("system");
            assertThat(request.requestId()).startsWith("seed:" + request.policyId() + ":");
        });
    }

    private static PolicySeed read() throws IOException {
        return PolicySeedFile.rateCards(RESOURCE).load(JsonMapper.createDefault());
    }
}
