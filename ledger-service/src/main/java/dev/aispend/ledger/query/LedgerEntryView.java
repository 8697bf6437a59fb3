package dev.aispend.ledger.query;

import dev.aispend.contracts.ledger.LedgerEnvelope;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One entry of a JSON answer: exactly the fields of {@link LedgerEnvelope} (what ledger.v1 carries, enough to
 * recompute {@code entryHash}), flat, so a client reads it as a LedgerEnvelope, and beside them {@code payload},
 * the same payload parsed, for reading. Only {@code payloadBase64} is the hashed bytes: a parsed payload may
 * differ from them in spacing or number formatting.
 */
@Serdeable
record LedgerEntryView(long position, String eventId, String eventType, int schemaVersion, String recordedAt,
                       @Nullable String occurredAt, String previousHash, String entryHash, String payloadBase64,
                       JsonNode payload) {

    static LedgerEntryView of(LedgerEnvelope envelope, JsonNode payload) {
        return new LedgerEntryView(envelope.position(), envelope.eventId(), envelope.eventType(),
                envelope.schemaVersion(), envelope.recordedAt(), envelope.occurredAt(), envelope.previousHash(),
                envelope.entryHash(), envelope.payloadBase64(), payload);
    }
}
