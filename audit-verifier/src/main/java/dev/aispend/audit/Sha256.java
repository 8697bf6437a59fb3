package dev.aispend.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 (FIPS 180-4). A fresh digest per call: MessageDigest is not thread-safe and the ledger hashes concurrently. */
final class Sha256 {

    static final int LENGTH = 32;

    private Sha256() {
    }

    static byte[] digest(byte[]... parts) {
        MessageDigest digest = newDigest();
        for (byte[] part : parts) {
            digest.update(part);
        }
        byte[] hash = digest.digest();
        assert hash.length == LENGTH;
        return hash;
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            // Every Java SE implementation must provide SHA-256 (MessageDigest's javadoc).
            throw new IllegalStateException("this JDK has no SHA-256", impossible);
        }
    }

    static void requireHash(byte[] hash, String name) {
        if (hash == null || hash.length != LENGTH) {
            throw new IllegalArgumentException(name + " must be " + LENGTH + " bytes, was "
                    + (hash == null ? "null" : hash.length + " bytes"));
        }
    }
}
