package dev.aispend.audit;

import java.util.Objects;

/**
 * Lower-case hexadecimal, the only form hashes take in the ledger's JSON (docs/ledger-format.md). Decoding is
 * strict: an upper-case digit, an odd length or any other character is refused, so one hash has exactly one
 * spelling and two spellings can never be mistaken for two different hashes.
 */
public final class Hex {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    public static String encode(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        char[] characters = new char[bytes.length * 2];
        for (int index = 0; index < bytes.length; index++) {
            int value = bytes[index] & 0xff;
            characters[index * 2] = DIGITS[value >>> 4];
            characters[index * 2 + 1] = DIGITS[value & 0x0f];
        }
        return new String(characters);
    }

    public static byte[] decode(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() % 2 != 0) {
            throw new IllegalArgumentException("hex has an odd number of digits: " + text.length());
        }
        byte[] bytes = new byte[text.length() / 2];
        for (int index = 0; index < bytes.length; index++) {
            int high = digitValue(text, index * 2);
            int low = digitValue(text, index * 2 + 1);
            bytes[index] = (byte) ((high << 4) | low);
        }
        assert encode(bytes).equals(text) : "decoding must invert encoding";
        return bytes;
    }

    /** Decodes a hash: exactly 64 lower-case hex digits, so a truncated hash is refused where it is read. */
    public static byte[] decodeHash(String text) {
        byte[] hash = decode(text);
        if (hash.length != Sha256.LENGTH) {
            throw new IllegalArgumentException(
                    "a hash is " + Sha256.LENGTH * 2 + " hex digits, this one has " + text.length());
        }
        return hash;
    }

    private static int digitValue(String text, int index) {
        char character = text.charAt(index);
        if (character >= '0' && character <= '9') {
            return character - '0';
        }
        if (character >= 'a' && character <= 'f') {
            return character - 'a' + 10;
        }
        throw new IllegalArgumentException(
                "not a lower-case hex digit at index " + index + ": '" + character + "'");
    }
}
