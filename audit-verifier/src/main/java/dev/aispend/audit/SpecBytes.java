package dev.aispend.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * The encodings of docs/ledger-format.md ("Notation"): {@code u32}, {@code i64}, {@code str}, {@code bytes}, all
 * big-endian. Kept in one place so the entry hash and the checkpoint's signed bytes cannot drift apart.
 */
final class SpecBytes {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream(256);

    SpecBytes raw(byte[] bytes) {
        output.writeBytes(bytes);
        return this;
    }

    SpecBytes unsigned32(long value) {
        if (value < 0 || value > 0xffff_ffffL) {
            throw new IllegalArgumentException("does not fit in an unsigned 32-bit length: " + value);
        }
        for (int shift = 24; shift >= 0; shift -= 8) {
            output.write((int) (value >>> shift) & 0xff);
        }
        return this;
    }

    SpecBytes signed64(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            output.write((int) (value >>> shift) & 0xff);
        }
        return this;
    }

    /** {@code str(s) = u32(byte length of UTF-8(s)) || UTF-8(s)}. */
    SpecBytes string(String text) {
        return lengthPrefixed(strictUtf8(text));
    }

    /**
     * UTF-8 that refuses an unpaired surrogate: {@code String.getBytes} would silently write '?' instead, so two
     * different strings would hash the same.
     */
    static byte[] strictUtf8(String text) {
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } catch (CharacterCodingException unpairedSurrogate) {
            throw new IllegalArgumentException("not encodable as UTF-8 (an unpaired surrogate): " + text,
                    unpairedSurrogate);
        }
    }

    /** {@code bytes(b) = u32(length of b) || b}. */
    SpecBytes lengthPrefixed(byte[] bytes) {
        unsigned32(bytes.length);
        return raw(bytes);
    }

    byte[] toByteArray() {
        return output.toByteArray();
    }
}
