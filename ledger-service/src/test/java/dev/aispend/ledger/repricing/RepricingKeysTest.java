package dev.aispend.ledger.repricing;

import dev.aispend.ledger.append.AppendContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RepricingKeysTest {

    @Test
    void keys_each_corrected_spend_under_its_repricing() {
        AppendContext.IdempotencyKey key = RepricingKeys.of("rp-1", 42, "ratecard-anthropic", 2);

        assertThat(key.kind()).isEqualTo("repricing");
        assertThat(key.key()).isEqualTo("rp-1/42").startsWith(RepricingKeys.prefixOf("rp-1"));
        assertThat(RepricingKeys.originalPositionOf(key.key())).isEqualTo(42);
        assertThat(key.contentSha256()).matches("[0-9a-f]{64}");
    }

    @Test
    void hashes_the_card_version_so_a_repeat_with_another_card_is_told_apart() {
        String original = RepricingKeys.contentSha256("rp-1", 42, "ratecard-anthropic", 2);

        assertThat(RepricingKeys.contentSha256("rp-1", 42, "ratecard-anthropic", 2)).isEqualTo(original);
        assertThat(RepricingKeys.contentSha256("rp-1", 42, "ratecard-anthropic", 3)).isNotEqualTo(original);
        assertThat(RepricingKeys.contentSha256("rp-1", 42, "ratecard-anthropi", 2)).isNotEqualTo(original);
        assertThat(RepricingKeys.contentSha256("rp-1", 4, "2ratecard-anthropic", 2)).isNotEqualTo(original);
    }
}
