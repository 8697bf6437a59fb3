package dev.aispend.ingest.directory;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Encrypts the directory's personal data (alias values, person keys) for its table, with AES-256-GCM under
 * {@code DIRECTORY_ENCRYPTION_KEY}: a fresh random 96-bit nonce per value, so equal values never give equal bytes.
 * Every sealed value is bound to the row it belongs to (its ref, as associated data): a value copied onto another
 * row does not decrypt there, so nobody with write access to the table can make one person's email answer for
 * another's ref without the key. Layout, version 1:
 * {@code 0x01 || key id (4 bytes) || nonce (12) || ciphertext || tag (16)}; the key id (the first 4 bytes of
 * SHA-256 of a label and the key) tells an operator which key a row was sealed under when a wrong one is set.
 */
public final class DirectoryCipher {
    public static final int KEY_BYTES = 32;
    private static final byte FORMAT_VERSION = 1;
    private static final int KEY_ID_BYTES = 4;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int HEADER_BYTES = 1 + KEY_ID_BYTES;
    private static final String ASSOCIATED_DATA_LABEL = "aispend-directory/1\0";

    private final SecretKeySpec key;
    private final byte[] keyId;
    private final SecureRandom random;

    /** @param base64Key base64 of exactly {@value #KEY_BYTES} random bytes (DIRECTORY_ENCRYPTION_KEY) */
    public DirectoryCipher(String base64Key) {
        this(base64Key, new SecureRandom());
    }

    /** @param random where nonces come from; tests may seed one, the service uses the platform's strong source */
    DirectoryCipher(String base64Key, SecureRandom random) {
        byte[] bytes = decodeKey(base64Key);
        this.key = new SecretKeySpec(bytes, "AES");
        this.keyId = Arrays.copyOf(sha256(("aispend-directory-key-id\0").getBytes(StandardCharsets.UTF_8), bytes),
                KEY_ID_BYTES);
        this.random = random;
    }

    /** The value encrypted and bound to {@code boundTo} (e.g. {@code "alias\0als_..."}). */
    public byte[] seal(String value, String boundTo) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).put(FORMAT_VERSION).put(keyId);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(header.array(), boundTo));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(HEADER_BYTES + NONCE_BYTES + sealed.length).put(header.array()).put(nonce)
                    .put(sealed).array();
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("AES-GCM is not available", unavailable);
        }
    }

    /**
     * The value sealed for {@code boundTo}.
     *
     * @throws IllegalStateException when it was sealed under another key, for another row, or altered; the message
     *                               names key ids, never a value
     */
    public String open(byte[] sealed, String boundTo) {
        if (sealed.length < HEADER_BYTES + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != FORMAT_VERSION) {
            throw new IllegalStateException("a directory value is not in sealed format version " + FORMAT_VERSION);
        }
        byte[] header = Arrays.copyOf(sealed, HEADER_BYTES);
        byte[] sealedUnder = Arrays.copyOfRange(sealed, 1, HEADER_BYTES);
        if (!Arrays.equals(sealedUnder, keyId)) {
            throw new IllegalStateException("a directory value was sealed under key id "
                    + HexFormat.of().formatHex(sealedUnder) + ", but DIRECTORY_ENCRYPTION_KEY has key id "
                    + HexFormat.of().formatHex(keyId));
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, HEADER_BYTES, NONCE_BYTES));
            cipher.updateAAD(associatedData(header, boundTo));
            byte[] value = cipher.doFinal(sealed, HEADER_BYTES + NONCE_BYTES, sealed.length - HEADER_BYTES
                    - NONCE_BYTES);
            return new String(value, StandardCharsets.UTF_8);
        } catch (AEADBadTagException altered) {
            throw new IllegalStateException("a directory value does not belong to its row or was altered", altered);
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("AES-GCM is not available", unavailable);
        }
    }

    private static byte[] associatedData(byte[] header, String boundTo) {
        byte[] label = (ASSOCIATED_DATA_LABEL + boundTo).getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(header.length + label.length).put(header).put(label).array();
    }

    private static byte[] decodeKey(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalArgumentException("a directory encryption key is required (set DIRECTORY_ENCRYPTION_KEY"
                    + " to " + KEY_BYTES + " random bytes, base64: openssl rand -base64 32)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("DIRECTORY_ENCRYPTION_KEY is not base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("DIRECTORY_ENCRYPTION_KEY must be " + KEY_BYTES
                    + " bytes (AES-256), was " + bytes.length);
        }
        return bytes;
    }

    private static byte[] sha256(byte[] label, byte[] key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(label);
            return digest.digest(key);
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("SHA-256 is not available", unavailable);
        }
    }
}
