package dev.aispend.ledger.publication;

import dev.aispend.audit.Hex;
import dev.aispend.audit.Json;
import dev.aispend.ledger.entries.StoredEntry;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The JSON of a stored entry's {@link dev.aispend.contracts.ledger.LedgerEnvelope}, written straight from the row:
 * the same object the serde would write (the envelope's fields in its order, {@code occurredAt} left out when
 * absent), without building the envelope first. The general serializer checked every character of the base64
 * payload for escaping: a third of the ledger's CPU samples while it replayed (docs/performance.md). Here the
 * payload's base64 and the hashes' hex are written as the ASCII they are; only the four free-text fields go
 * through the verifier's JSON string writer ({@link Json#write}: RFC 8259's escapes, the rest as is).
 */
public final class EnvelopeJson {
    /** Fixed text around the fields, and room for the variable ones beyond the payload. */
    private static final int FIXED_BYTES_ESTIMATE = 400;

    private EnvelopeJson() {
    }

    /** The envelope of {@code entry} as UTF-8 JSON. */
    public static byte[] of(StoredEntry entry) {
        int payloadBase64Bytes = 4 * ((entry.payload().length + 2) / 3);
        ByteArrayOutputStream out = new ByteArrayOutputStream(FIXED_BYTES_ESTIMATE + payloadBase64Bytes);
        text(out, "{\"position\":" + entry.position() + ",\"eventId\":" + Json.write(entry.eventId())
                + ",\"eventType\":" + Json.write(entry.eventType())
                // The stored revision is a decimal; the envelope carries it as a number, as toEnvelope parses it.
                + ",\"schemaVersion\":" + Integer.parseInt(entry.schemaVersion())
                + ",\"recordedAt\":" + Json.write(entry.recordedAt()));
        if (entry.occurredAt() != null) {
            text(out, ",\"occurredAt\":" + Json.write(entry.occurredAt().toString()));
        }
        text(out, ",\"previousHash\":\"" + Hex.encode(entry.previousHash()) + "\",\"entryHash\":\""
                + Hex.encode(entry.entryHash()) + "\",\"payloadBase64\":\"");
        out.writeBytes(Base64.getEncoder().encode(entry.payload()));
        text(out, "\"}");
        return out.toByteArray();
    }

    private static void text(ByteArrayOutputStream out, String json) {
        out.writeBytes(json.getBytes(StandardCharsets.UTF_8));
    }
}
