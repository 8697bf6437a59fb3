package dev.aispend.ingest.identity;

import dev.aispend.ingest.identity.AliasKind;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Turns a stable identity (an email, a login) into a person ref: {@code prs_} and the first 128 bits of
 * HMAC-SHA256(key, identity stripped and lower-cased). Without the key a ref cannot be traced back to a person,
 * and the same identity always gives the same ref, so reports can group by person without knowing who it is.
 */
public final class Pseudonymizer {
    /** 256 bits, the HMAC-SHA256 block-size-independent recommendation for key length. */
    public static final int MINIMUM_KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final int REF_BYTES = 16;

    private final Mac prototype;

    public Pseudonymizer(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalArgumentException("a pseudonym key is required (set PSEUDONYM_KEY to "
                    + MINIMUM_KEY_BYTES + "+ random bytes, base64)");
        }
        byte[] key = Base64.getDecoder().decode(base64Key.strip());
        if (key.length < MINIMUM_KEY_BYTES) {
            throw new IllegalArgumentException("the pseudonym key must be at least " + MINIMUM_KEY_BYTES
                    + " bytes, was " + key.length);
        }
        try {
            prototype = Mac.getInstance(ALGORITHM);
            prototype.init(new SecretKeySpec(key, ALGORITHM));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException(ALGORITHM + " is not available", unavailable);
        }
    }

    public String personRef(String identity) {
        String normalized = identity.strip().toLowerCase(Locale.ROOT);
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException("identity must not be blank");
        }
        byte[] digest = newMac().doFinal(normalized.getBytes(StandardCharsets.UTF_8));
        return "prs_" + HexFormat.of().formatHex(digest, 0, REF_BYTES);
    }

    /**
     * The pseudonymous ref of an alias nobody has linked to a person yet: {@code als_} and the first 128 bits of
     * HMAC-SHA256(key, {@code alias\0<kind>\0<normalized value>}). The kind is part of the input, so a GitHub
     * login and an API key id that happen to be equal get different refs; an {@code IdentityLinked} event
     * carries the same ref when the directory links the alias, so reports re-attribute what it recorded.
     */
    public String aliasRef(AliasKind kind, String value) {
        String normalized = kind.normalize(value);
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException("alias must not be blank");
        }
        byte[] digest = newMac().doFinal(("alias\0" + kind.wireName() + "\0" + normalized)
                .getBytes(StandardCharsets.UTF_8));
        return "als_" + HexFormat.of().formatHex(digest, 0, REF_BYTES);
    }

    /** A Mac is not thread-safe; cloning the initialised prototype is cheaper than initialising anew. */
    private Mac newMac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException notCloneable) {
            throw new IllegalStateException(ALGORITHM + " provider does not support clone", notCloneable);
        }
    }
}
