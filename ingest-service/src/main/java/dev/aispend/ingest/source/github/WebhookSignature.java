package dev.aispend.ingest.source.github;

import io.micronaut.core.annotation.Nullable;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Verifies GitHub's {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(secret, raw body)>} against every
 * configured secret (two during a rotation: the new one and the one being retired). The HMAC is computed over the
 * raw body bytes exactly as received, before any parsing, and compared with {@link MessageDigest#isEqual} (constant
 * time), against every secret whatever the first one gave, so the answer's timing says nothing about the secret or
 * about which one matched. Pure: no I/O, safe to share between threads (a {@link Mac} is made per call).
 */
final class WebhookSignature {
    static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";
    private static final int DIGEST_HEX_LENGTH = 64;
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{" + DIGEST_HEX_LENGTH + "}");
    private static final String ALGORITHM = "HmacSHA256";

    private final List<byte[]> secrets;

    /** @param secrets the accepted secrets, UTF-8 (as GitHub's settings page takes them); may be empty */
    WebhookSignature(List<String> secrets) {
        this.secrets = secrets.stream().map(secret -> secret.getBytes(StandardCharsets.UTF_8)).toList();
    }

    boolean configured() {
        return !secrets.isEmpty();
    }

    /** Whether {@code header} signs {@code rawBody} with one of the secrets; why not, when it does not. */
    Verdict verify(@Nullable String header, byte[] rawBody) {
        if (header == null || header.isBlank()) {
            return Verdict.MISSING;
        }
        String value = header.strip();
        if (!value.startsWith(PREFIX) || !HEX.matcher(value.substring(PREFIX.length())).matches()) {
            return Verdict.MALFORMED;
        }
        byte[] given = HexFormat.of().parseHex(value.substring(PREFIX.length()));
        boolean matched = false;
        for (byte[] secret : secrets) {
            // Non-short-circuit |: every secret is tried, whichever matches.
            matched |= MessageDigest.isEqual(hmac(secret, rawBody), given);
        }
        return matched ? Verdict.VALID : Verdict.MISMATCH;
    }

    /** The header GitHub would send for {@code rawBody} signed with {@code secret} (for tests and tools). */
    static String sign(String secret, byte[] rawBody) {
        return PREFIX + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), rawBody));
    }

    private static byte[] hmac(byte[] secret, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return mac.doFinal(rawBody);
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", unavailable);
        }
    }

    /** The outcome of a verification; every one but {@link #VALID} is answered 401 and nothing is stored. */
    enum Verdict {
        VALID(null),
        MISSING("the request carries no " + HEADER + " header; set a secret in the webhook's settings"),
        MALFORMED(HEADER + " must be sha256= followed by 64 hexadecimal digits"),
        MISMATCH(HEADER + " does not match the body under any configured secret (INGEST_GITHUB_WEBHOOK_SECRETS); "
                + "check that the webhook's secret is one of them");

        private final @Nullable String reason;

        Verdict(@Nullable String reason) {
            this.reason = reason;
        }

        @Nullable String reason() {
            return reason;
        }
    }
}
