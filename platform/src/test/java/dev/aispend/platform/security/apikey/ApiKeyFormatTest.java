package dev.aispend.platform.security.apikey;

import org.junit.jupiter.api.Test;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyFormatTest {

    /** A deterministic generator: SHA1PRNG seeded before its first use yields the same bytes every run. */
    static SecureRandom seeded(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException(missing);
        }
    }

    @Test
    void generates_a_prefixed_key_of_a_hex_id_and_a_43_character_base64url_secret() {
        ApiKeyFormat.Generated key = ApiKeyFormat.generate(seeded(1));

        assertThat(key.plaintext()).matches("ask_[0-9a-f]{24}_[A-Za-z0-9_-]{43}");
        assertThat(key.plaintext()).startsWith("ask_" + key.keyId() + "_");
        assertThat(key.secretSha256()).matches("[0-9a-f]{64}");
    }

    @Test
    void parses_a_generated_key_back_into_its_id_and_secret_even_when_the_secret_holds_underscores() {
        for (long seed = 0; seed < 200; seed++) {
            ApiKeyFormat.Generated key = ApiKeyFormat.generate(seeded(seed));

            ApiKeyFormat.Presented presented = ApiKeyFormat.parse(key.plaintext()).orElseThrow();

            assertThat(presented.keyId()).isEqualTo(key.keyId());
            assertThat(ApiKeyFormat.matches(presented.secret(), key.secretSha256())).isTrue();
        }
    }

    @Test
    void stores_a_hash_that_differs_from_the_secret_and_between_keys() {
        ApiKeyFormat.Generated first = ApiKeyFormat.generate(seeded(2));
        ApiKeyFormat.Generated second = ApiKeyFormat.generate(seeded(3));

        String secret = ApiKeyFormat.parse(first.plaintext()).orElseThrow().secret();
        assertThat(first.secretSha256()).doesNotContain(secret).isNotEqualTo(second.secretSha256());
        assertThat(first.keyId()).isNotEqualTo(second.keyId());
    }

    @Test
    void refuses_a_secret_that_does_not_hash_to_the_stored_value_or_a_stored_value_that_is_not_hex() {
        ApiKeyFormat.Generated key = ApiKeyFormat.generate(seeded(4));
        String secret = ApiKeyFormat.parse(key.plaintext()).orElseThrow().secret();

        assertThat(ApiKeyFormat.matches(secret.substring(1) + "A", key.secretSha256())).isFalse();
        assertThat(ApiKeyFormat.matches(secret, "not-hex")).isFalse();
        assertThat(ApiKeyFormat.matches(secret, key.secretSha256().substring(2))).isFalse();
    }

    @Test
    void reads_nothing_from_tokens_that_are_not_well_formed_keys() {
        String id = "0123456789abcdef01234567";
        String secret = "A".repeat(43);

        assertThat(ApiKeyFormat.parse("ask_" + id + "_" + secret)).isPresent();
        assertThat(ApiKeyFormat.parse("eyJhbGciOiJFUzI1NiJ9.e30.sig")).isEmpty();
        assertThat(ApiKeyFormat.parse("ask_" + id + secret)).isEmpty();
        assertThat(ApiKeyFormat.parse("ask_" + id.toUpperCase() + "_" + secret)).isEmpty();
        assertThat(ApiKeyFormat.parse("ask_" + id + "_" + secret + "A")).isEmpty();
        assertThat(ApiKeyFormat.parse("ask_" + id + "_" + "A".repeat(42) + "=")).isEmpty();
        assertThat(ApiKeyFormat.parse("ask_")).isEmpty();
    }

    @Test
    void never_shows_the_secret_when_a_parsed_or_generated_key_is_printed() {
        ApiKeyFormat.Generated key = ApiKeyFormat.generate(seeded(5));
        String secret = ApiKeyFormat.parse(key.plaintext()).orElseThrow().secret();

        assertThat(key.toString()).doesNotContain(secret);
        assertThat(ApiKeyFormat.parse(key.plaintext()).orElseThrow().toString()).doesNotContain(secret);
    }
}
