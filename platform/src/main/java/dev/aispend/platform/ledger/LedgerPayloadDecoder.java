package dev.aispend.platform.ledger;

import dev.aispend.contracts.ledger.LedgerEnvelope;
import dev.aispend.contracts.ledger.LedgerEventType;
import dev.aispend.contracts.ledger.LedgerPayload;
import dev.aispend.contracts.ledger.LegacyUsageRecorded;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Reads ledger.v1: the {@link LedgerEnvelope}, then its payload as the record {@link LedgerEventType} names for
 * the entry's (eventType, schemaVersion), upcast to today's shape. An entry of a type or version this build does
 * not know is an error, never something to skip: skipping would make a read model silently wrong, and the fix
 * is to deploy a reader that knows it.
 */
@Singleton
public final class LedgerPayloadDecoder {
    private final JsonMapper json;

    public LedgerPayloadDecoder(JsonMapper json) {
        this.json = json;
    }

    public LedgerEnvelope envelope(byte[] message) throws IOException {
        LedgerEnvelope envelope = json.readValue(message, LedgerEnvelope.class);
        if (envelope == null) {
            throw new IOException("a ledger.v1 message is a JSON object, was null");
        }
        return envelope;
    }

    public LedgerEvent decode(LedgerEnvelope envelope) throws IOException {
        LedgerEventType type = LedgerEventType.of(envelope.eventType(), envelope.schemaVersion())
                .orElseThrow(() -> new UnknownLedgerEventTypeException(envelope));
        LedgerPayload payload = json.readValue(envelope.payloadBytes(), type.payloadClass());
        if (payload == null) {
            throw new IOException("the payload of ledger position " + envelope.position() + " is null");
        }
        return new LedgerEvent(envelope, upcast(payload));
    }

    /** Today's shape of a payload: the foundation's usage event is unpriced spend. */
    public static LedgerPayload upcast(LedgerPayload payload) {
        if (payload instanceof LegacyUsageRecorded legacy) {
            return legacy.toSpendRecorded();
        }
        return payload;
    }

    /** An entry whose (eventType, schemaVersion) this build cannot read. */
    public static final class UnknownLedgerEventTypeException extends IOException {
        UnknownLedgerEventTypeException(LedgerEnvelope envelope) {
            super("ledger position " + envelope.position() + " has event type " + envelope.eventType()
                    + " version " + envelope.schemaVersion() + ", which this build cannot read; "
                    + "deploy a reader that knows it (the entry is not skipped)");
        }
    }
}
