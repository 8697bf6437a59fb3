package dev.aispend.ingest.source.github;

import dev.aispend.ingest.source.github.WebhookSignature.Verdict;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {
    /** GitHub's published test vector (docs.github.com, "Validating webhook deliveries"). */
    private static final String GITHUB_SECRET = "It's a Secret to Everybody";
    private static final byte[] GITHUB_BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    private static final String GITHUB_SIGNATURE =
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    @Test
    void accepts_githubs_published_test_vector() {
        assertThat(new WebhookSignature(List.of(GITHUB_SECRET)).verify(GITHUB_SIGNATURE, GITHUB_BODY))
                .isEqualTo(Verdict.VALID);
        assertThat(WebhookSignature.sign(GITHUB_SECRET, GITHUB_BODY)).isEqualTo(GITHUB_SIGNATURE);
    }

    @Test
    void accepts_upper_case_hex_and_surrounding_spaces() {
        String upper = "sha256=" + GITHUB_SIGNATURE.substring("sha256=".length()).toUpperCase();
        assertThat(new WebhookSignature(List.of(GITHUB_SECRET)).verify("  " + upper + " ", GITHUB_BODY))
                .isEqualTo(Verdict.VALID);
    }

    @Test
    void accepts_either_secret_during_a_rotation() {
        WebhookSignature rotating = new WebhookSignature(List.of("the-new-secret", GITHUB_SECRET));

        assertThat(rotating.verify(GITHUB_SIGNATURE, GITHUB_BODY)).isEqualTo(Verdict.VALID);
        assertThat(rotating.verify(WebhookSignature.sign("the-new-secret", GITHUB_BODY), GITHUB_BODY))
                .isEqualTo(Verdict.VALID);
        assertThat(rotating.verify(WebhookSignature.sign("a-retired-secret", GITHUB_BODY), GITHUB_BODY))
                .isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void refuses_a_tampered_body_and_a_wrong_secret() {
        WebhookSignature verifier = new WebhookSignature(List.of(GITHUB_SECRET));

        assertThat(verifier.verify(GITHUB_SIGNATURE, "Hello, World?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Verdict.MISMATCH);
        assertThat(verifier.verify(GITHUB_SIGNATURE, "Hello, World! ".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Verdict.MISMATCH);
        assertThat(new WebhookSignature(List.of("It's a secret to everybody")).verify(GITHUB_SIGNATURE, GITHUB_BODY))
                .isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void refuses_a_missing_or_malformed_header() {
        WebhookSignature verifier = new WebhookSignature(List.of(GITHUB_SECRET));

        assertThat(verifier.verify(null, GITHUB_BODY)).isEqualTo(Verdict.MISSING);
        assertThat(verifier.verify("", GITHUB_BODY)).isEqualTo(Verdict.MISSING);
        // The legacy SHA-1 header's format, a truncated digest, a non-hex digit.
        assertThat(verifier.verify("sha1=82474c4fdedd8c2d2e6802db3e49f4afd96b3eab", GITHUB_BODY))
                .isEqualTo(Verdict.MALFORMED);
        assertThat(verifier.verify(GITHUB_SIGNATURE.substring(0, 40), GITHUB_BODY)).isEqualTo(Verdict.MALFORMED);
        assertThat(verifier.verify(GITHUB_SIGNATURE.replace('e', 'g'), GITHUB_BODY)).isEqualTo(Verdict.MALFORMED);
    }

    @Test
    void refuses_everything_when_no_secret_is_configured() {
        WebhookSignature unconfigured = new WebhookSignature(List.of());

        assertThat(unconfigured.configured()).isFalse();
        assertThat(unconfigured.verify(GITHUB_SIGNATURE, GITHUB_BODY)).isEqualTo(Verdict.MISMATCH);
    }

    /**
     * The comparison is MessageDigest.isEqual (constant time), never an early-exit equals: read from the compiled
     * class's constant pool, which names every method the class calls.
     */
    @Test
    void compares_digests_in_constant_time() throws IOException {
        String constants;
        try (InputStream classFile = WebhookSignature.class.getResourceAsStream("WebhookSignature.class")) {
            constants = new String(classFile.readAllBytes(), StandardCharsets.ISO_8859_1);
        }

        assertThat(constants).contains("java/security/MessageDigest", "isEqual")
                .doesNotContain("java/util/Arrays").doesNotContain("equals");
    }
}
