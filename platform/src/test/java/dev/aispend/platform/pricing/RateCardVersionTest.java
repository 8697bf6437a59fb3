package dev.aispend.platform.pricing;

import dev.aispend.contracts.ledger.PolicyChanged;
import dev.aispend.contracts.ledger.RateCardRef;
import dev.aispend.contracts.policy.PolicyKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.aispend.platform.pricing.RateCardFixtures.sonnetContent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateCardVersionTest {
    private static final Instant EFFECTIVE = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void is_read_from_a_recorded_rate_card_policy_change() {
        RateCardVersion version = RateCardVersion.of(change(PolicyKind.RATE_CARD, sonnetContent()), 42);

        assertThat(version.rateCardId()).isEqualTo("anthropic-list");
        assertThat(version.version()).isEqualTo(3);
        assertThat(version.effectiveFrom()).isEqualTo(EFFECTIVE);
        assertThat(version.ledgerPosition()).isEqualTo(42);
        assertThat(version.card()).isEqualTo(RateCard.parse(sonnetContent()));
        assertThat(version.reference()).isEqualTo(new RateCardRef("anthropic-list", 3));
    }

    @Test
    void refuses_a_policy_change_of_another_kind() {
        assertThatThrownBy(() -> RateCardVersion.of(change(PolicyKind.BUDGET, sonnetContent()), 42))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BUDGET");
    }

    @Test
    void refuses_invalid_content_naming_the_field() {
        Map<String, Object> content = sonnetContent();
        content.remove("provider");

        assertThatThrownBy(() -> RateCardVersion.of(change(PolicyKind.RATE_CARD, content), 42))
                .isInstanceOf(InvalidRateCardException.class).hasMessageContaining("provider: is required");
    }

    @Test
    void refuses_a_version_or_ledger_position_below_one() {
        RateCard card = RateCard.parse(sonnetContent());

        assertThatThrownBy(() -> new RateCardVersion("c", 0, EFFECTIVE, 1, card))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateCardVersion("c", 1, EFFECTIVE, 0, card))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static PolicyChanged change(PolicyKind kind, Map<String, Object> content) {
        return new PolicyChanged("request-1", "anthropic-list", kind, 3, "finance@example.com", content, List.of(),
                EFFECTIVE, Instant.parse("2026-02-20T09:00:00Z"), "0".repeat(64));
    }
}
