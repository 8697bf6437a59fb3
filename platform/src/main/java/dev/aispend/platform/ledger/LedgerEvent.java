package dev.aispend.platform.ledger;

import dev.aispend.contracts.ledger.LedgerEnvelope;
import dev.aispend.contracts.ledger.LedgerPayload;

import java.util.Objects;

/**
 * One ledger entry as a projection sees it: the envelope exactly as published (position, hashes, the stored
 * payload bytes) and its payload decoded and already upcast to today's record, so a projection never deals with
 * a legacy shape ({@link LedgerPayloadDecoder}).
 */
public record LedgerEvent(LedgerEnvelope envelope, LedgerPayload payload) {

    public LedgerEvent {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(payload, "payload");
    }

    public long position() {
        return envelope.position();
    }
}
