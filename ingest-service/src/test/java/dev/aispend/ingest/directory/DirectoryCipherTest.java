package dev.aispend.ingest.directory;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DirectoryCipherTest {
    private static final String KEY = key((byte) 7);
    private final DirectoryCipher cipher = new DirectoryCipher(KEY, seeded());

    @Test
    void gives_back_the_value_it_sealed_for_the_same_row() {
        byte[] sealed = cipher.seal("alice@example.com", "alias\0als_1");

        assertThat(cipher.open(sealed, "alias\0als_1")).isEqualTo("alice@example.com");
    }

    @Test
    void keeps_no_trace_of_the_value_and_seals_equal_values_differently() {
        byte[] first = cipher.seal("alice@example.com", "alias\0als_1");
        byte[] second = cipher.seal("alice@example.com", "alias\0als_1");

        assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("alice", "example");
        assertThat(first).isNotEqualTo(second);
        // Version, key id, 12-byte nonce, the 17 bytes of the value, the 16-byte tag.
        assertThat(first).hasSize(1 + 4 + 12 + 17 + 16);
    }

    @Test
    void refuses_a_value_moved_to_another_row() {
        byte[] sealed = cipher.seal("alice@example.com", "alias\0als_1");

        assertThatThrownBy(() -> cipher.open(sealed, "alias\0als_2"))
                .hasMessageContaining("does not belong to its row or was altered");
    }

    @Test
    void refuses_an_altered_value() {
        byte[] sealed = cipher.seal("alice@example.com", "person\0prs_1");
        byte[] altered = Arrays.copyOf(sealed, sealed.length);
        altered[20] ^= 1;

        assertThatThrownBy(() -> cipher.open(altered, "person\0prs_1")).hasMessageContaining("altered");
    }

    @Test
    void names_the_key_ids_when_a_value_was_sealed_under_another_key() {
        byte[] sealed = new DirectoryCipher(key((byte) 8), seeded()).seal("alice@example.com", "alias\0als_1");

        assertThatThrownBy(() -> cipher.open(sealed, "alias\0als_1"))
                .hasMessageContaining("sealed under key id").hasMessageContaining("DIRECTORY_ENCRYPTION_KEY has key id")
                .hasMessageNotContaining("alice");
    }

    @Test
    void refuses_a_missing_or_wrong_sized_key() {
        assertThatThrownBy(() -> new DirectoryCipher(null)).hasMessageContaining("DIRECTORY_ENCRYPTION_KEY");
        assertThatThrownBy(() -> new DirectoryCipher(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("must be 32 bytes");
        assertThatThrownBy(() -> new DirectoryCipher("not base64!")).hasMessageContaining("not base64");
    }

    private static String key(byte fill) {
        byte[] key = new byte[DirectoryCipher.KEY_BYTES];
        Arrays.fill(key, fill);
        return Base64.getEncoder().encodeToString(key);
    }

    /** Nonces from a seeded source, so a failure reproduces (the service uses a strong one). */
    private static SecureRandom seeded() {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(20261124L);
            return random;
        } catch (java.security.NoSuchAlgorithmException unavailable) {
            throw new IllegalStateException(unavailable);
        }
    }
}
