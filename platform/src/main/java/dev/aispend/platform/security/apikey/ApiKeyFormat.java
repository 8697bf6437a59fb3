package dev.aispend.platform.security.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an API key looks like and how its secret is kept: {@code ask_<keyId>_<secret>}, the id 12 random bytes
 * in lower-case hex (public: listed, logged, recorded as the actor {@code api-key:<keyId>}), the secret 32 random
 * bytes in unpadded base64url (43 characters). Only the secret's SHA-256 is stored and published: a 256-bit random
 * secret cannot be guessed from its hash, so the slow, salted hashes that passwords need add nothing here. The
 * prefix lets a service tell an API key from a JWT at a glance, and lets secret scanners find leaked keys.
 */
public final class ApiKeyFormat {
    public static final String PREFIX = "ask_";
    static final int KEY_ID_BYTES = 12;
    static final int SECRET_BYTES = 32;
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{" + (KEY_ID_BYTES * 2) + "}");
    /** 32 bytes in base64url without padding are 43 characters of the URL-safe alphabet. */
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final HexFormat HEX = HexFormat.of();

    private ApiKeyFormat() {
    }

    /** A key as presented: its id and its secret, split, not checked against anything yet. */
    public record Presented(String keyId, String secret) {
        @Override
        public String toString() {
            // Never the secret, should a record ever be logged.
            return "Presented[keyId=" + keyId + "]";
        }
    }

    /** A new key: the plaintext (shown to its creator once) and what may be kept of it. */
    public record Generated(String keyId, String plaintext, String secretSha256) {
        @Override
        public String toString() {
            return "Generated[keyId=" + keyId + "]";
        }
    }

    public static Generated generate(SecureRandom random) {
        byte[] id = new byte[KEY_ID_BYTES];
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(id);
        random.nextBytes(secret);
        String keyId = HEX.formatHex(id);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new Generated(keyId, PREFIX + keyId + "_" + secretText, sha256Hex(secretText));
    }

    /** Whether a bearer token is meant as an API key (and not a JWT): decides which validator answers for it. */
    public static boolean looksLikeApiKey(String token) {
        return token.startsWith(PREFIX);
    }

    /** The id and secret of a well-formed key, or empty for anything else. */
    public static Optional<Presented> parse(String token) {
        if (!looksLikeApiKey(token)) {
            return Optional.empty();
        }
        String rest = token.substring(PREFIX.length());
        int separator = rest.indexOf('_');
        if (separator < 0) {
            return Optional.empty();
        }
        String keyId = rest.substring(0, separator);
        String secret = rest.substring(separator + 1);
        if (!isKeyId(keyId) || !SECRET.matcher(secret).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Presented(keyId, secret));
    }

    public static boolean isKeyId(String keyId) {
        return KEY_ID.matcher(keyId).matches();
    }

    /** Lower-case hex SHA-256 of the secret's UTF-8 text: what is stored and published instead of the secret. */
    public static String sha256Hex(String secret) {
        return HEX.formatHex(sha256(secret));
    }

    /**
     * Whether {@code secret} hashes to {@code expectedSha256Hex}, compared in time independent of where the two
     * differ, so response times reveal nothing about a stored hash.
     */
    public static boolean matches(String secret, String expectedSha256Hex) {
        byte[] expected;
        try {
            expected = HEX.parseHex(expectedSha256Hex);
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(sha256(secret), expected);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
