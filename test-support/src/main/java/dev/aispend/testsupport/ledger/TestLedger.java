package dev.aispend.testsupport.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.aispend.contracts.ledger.LedgerEnvelope;
import dev.aispend.contracts.ledger.LedgerEventType;
import dev.aispend.contracts.ledger.LedgerPayload;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Writes ledger entries the way the ledger does: payloads and envelopes as JSON by Jackson (records, ISO-8601
 * instants, nulls written), entries hash-linked in position order. The hash is a stand-in over the same chain
 * (audit-verifier owns the real one); followers check links, not hashes. One instance is one ledger: positions
 * count from 1.
 */
public final class TestLedger {
    /** The ledger's own writer settings (ledger-service AxonFactory). */
    public static final ObjectMapper JACKSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    public static final String GENESIS_HASH = "0".repeat(64);

    private long position;
    private String lastHash = GENESIS_HASH;

    public long position() {
        return position;
    }

    /** The next entry, for a payload of today's shape. */
    public synchronized LedgerEnvelope append(LedgerPayload payload) {
        LedgerEventType type = LedgerEventType.forNewPayload(payload.getClass()).orElseThrow();
        return append(type.typeName(), type.schemaVersion(), json(payload));
    }

    /** The next entry, with any type name, version and payload bytes (legacy or unknown ones too). */
    public synchronized LedgerEnvelope append(String eventType, int schemaVersion, byte[] payload) {
        position++;
        String entryHash = sha256(lastHash + position + eventType + new String(payload, StandardCharsets.UTF_8));
        LedgerEnvelope envelope = new LedgerEnvelope(position, "event-" + position, eventType, schemaVersion,
                Instant.now().toString(), null, lastHash, entryHash, Base64.getEncoder().encodeToString(payload));
        lastHash = entryHash;
        return envelope;
    }

    public static byte[] json(Object value) {
        try {
            return JACKSON.writeValueAsBytes(value);
        } catch (JsonProcessingException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
