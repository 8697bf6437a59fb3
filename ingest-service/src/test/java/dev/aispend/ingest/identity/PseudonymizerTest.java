package dev.aispend.ingest.identity;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PseudonymizerTest {
    private static final String ZERO_KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private final Pseudonymizer pseudonymizer = new Pseudonymizer(ZERO_KEY);

    @Test
    void gives_the_keyed_hmac_computed_independently() {
        // python3: hmac.new(bytes(32), b'alice@example.com', hashlib.sha256).hexdigest()[:32]
        assertThat(pseudonymizer.personRef("alice@example.com")).isEqualTo("prs_0cf19c8f102ecc62b033b451c1d7cbe4");
    }

    @Test
    void gives_one_ref_whatever_the_case_and_surrounding_spaces() {
        assertThat(pseudonymizer.personRef("  Alice@Example.COM ")).isEqualTo(pseudonymizer.personRef("alice@example.com"));
    }

    @Test
    void gives_another_ref_under_another_key() {
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        Pseudonymizer other = new Pseudonymizer(Base64.getEncoder().encodeToString(otherKey));

        assertThat(other.personRef("alice@example.com")).isNotEqualTo(pseudonymizer.personRef("alice@example.com"));
    }

    @Test
    void refuses_a_missing_or_short_key() {
        assertThatThrownBy(() -> new Pseudonymizer(null)).hasMessageContaining("PSEUDONYM_KEY");
        assertThatThrownBy(() -> new Pseudonymizer(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("at least 32 bytes");
    }
}
