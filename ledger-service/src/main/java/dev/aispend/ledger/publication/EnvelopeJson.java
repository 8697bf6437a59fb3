package dev.aispend.ledger.publication;

import dev.aispend.ledger.entries.StoredEntry;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The JSON of a stored entry's {@link dev.aispend.contracts.ledger.LedgerEnvelope}, written straight from the row:
 * the same object the serde would write (the envelope's fields in its order, {@code occurredAt} left out when
 * absent), without building the envelope first. The general serializer checked every character of the base64
 * payload for escaping: a third of the ledger's CPU samples while it replayed (docs/performance.md). Here the
 * payload's base64 and the hashes' hex are written as the ASCII they are, and only the four free-text fields
 * are escaped (RFC 8259: quotation mark, reverse solidus and control characters; the rest is UTF-8 as is).
 */
public final class EnvelopeJson {
    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ESCAPED_CONTROL_PREFIX = "\\u00".getBytes(StandardCharsets.US_ASCII);
    /** Fixed text around the fields, and room for the variable ones beyond the payload. */
    private static final int FIXED_BYTES_ESTIMATE = 400;

    private EnvelopeJson() {
    }

    /** The envelope of {@code entry} as UTF-8 JSON. */
    public static byte[] of(StoredEntry entry) {
        int payloadBase64Bytes = 4 * ((entry.payload().length + 2) / 3);
        ByteArrayOutputStream out = new ByteArrayOutputStream(FIXED_BYTES_ESTIMATE + payloadBase64Bytes);
        ascii(out, "{\"position\":" + entry.position() + ",\"eventId\":");
        string(out, entry.eventId());
        ascii(out, ",\"eventType\":");
        string(out, entry.eventType());
        // The stored revision is a decimal; the envelope carries it as a number, as toEnvelope parses it.
        ascii(out, ",\"schemaVersion\":" + Integer.parseInt(entry.schemaVersion()) + ",\"recordedAt\":");
        string(out, entry.recordedAt());
        if (entry.occurredAt() != null) {
            ascii(out, ",\"occurredAt\":");
            string(out, entry.occurredAt().toString());
        }
        ascii(out, ",\"previousHash\":\"");
        hex(out, entry.previousHash());
        ascii(out, "\",\"entryHash\":\"");
        hex(out, entry.entryHash());
        ascii(out, "\",\"payloadBase64\":\"");
        out.writeBytes(Base64.getEncoder().encode(entry.payload()));
        ascii(out, "\"}");
        return out.toByteArray();
    }

    private static void ascii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** Into an array first: ByteArrayOutputStream's write is synchronized, a lock per digit otherwise. */
    private static void hex(ByteArrayOutputStream out, byte[] bytes) {
        byte[] digits = new byte[bytes.length * 2];
        for (int index = 0; index < bytes.length; index++) {
            digits[2 * index] = HEX_DIGITS[(bytes[index] >> 4) & 0x0f];
            digits[2 * index + 1] = HEX_DIGITS[bytes[index] & 0x0f];
        }
        out.writeBytes(digits);
    }

    /** A JSON string: quoted, with what RFC 8259 requires escaped. */
    static void string(ByteArrayOutputStream out, String text) {
        out.write('"');
        int start = 0;
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            if (character == '"' || character == '\\' || character < 0x20) {
                out.writeBytes(text.substring(start, index).getBytes(StandardCharsets.UTF_8));
                escape(out, character);
                start = index + 1;
            }
        }
        out.writeBytes(text.substring(start).getBytes(StandardCharsets.UTF_8));
        out.write('"');
    }

    private static void escape(ByteArrayOutputStream out, char character) {
        out.write('\\');
        switch (character) {
            case '"' -> out.write('"');
            case '\\' -> out.write('\\');
            case '\n' -> out.write('n');
            case '\r' -> out.write('r');
            case '\t' -> out.write('t');
            case '\b' -> out.write('b');
            case '\f' -> out.write('f');
            default -> {
                out.write(ESCAPED_CONTROL_PREFIX, 1, ESCAPED_CONTROL_PREFIX.length - 1);
                out.write(HEX_DIGITS[(character >> 4) & 0x0f]);
                out.write(HEX_DIGITS[character & 0x0f]);
            }
        }
    }
}
