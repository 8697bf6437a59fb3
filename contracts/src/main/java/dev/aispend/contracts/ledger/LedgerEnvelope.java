package dev.aispend.contracts.ledger;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Base64;
import java.util.Objects;

/**
 * One sealed ledger entry, as published on {@code ledger.v1} (and {@code ledger-replay.v1}) in ledger order, and
 * as the audit API returns it. Schema version 1 of the topic.
 *
 * <p>It carries everything the entry hash covers, exactly as hashed: {@code payloadBase64} holds the stored
 * payload bytes, {@code recordedAt} the stored string. A follower or an offline verifier recomputes
 * {@code entryHash} from these fields and checks {@code previousHash} against the entry before it
 * (docs/ledger-format.md). {@code occurredAt} is a convenience copy from the payload.
 *
 * <p>{@code position} is gapless and starts at 1: followers apply an entry only when it is the next after the
 * last they applied, which makes redelivery harmless.
 */
@Serdeable
public record LedgerEnvelope(
        long position,
        String eventId,
        String eventType,
        int schemaVersion,
        String recordedAt,
        @Nullable String occurredAt,
        String previousHash,
        String entryHash,
        String payloadBase64) {

    public LedgerEnvelope {
        if (position < 1) {
            throw new IllegalArgumentException("position must be at least 1, was " + position);
        }
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(payloadBase64, "payloadBase64");
        if (!isSha256Hex(previousHash) || !isSha256Hex(entryHash)) {
            throw new IllegalArgumentException("hashes are 64 lower-case hex digits");
        }
    }

    /** 64 lower-case hex digits; a loop, not a regular expression: every published entry passes here. */
    private static boolean isSha256Hex(String text) {
        if (text == null || text.length() != 64) {
            return false;
        }
        for (int index = 0; index < 64; index++) {
            char digit = text.charAt(index);
            if ((digit < '0' || digit > '9') && (digit < 'a' || digit > 'f')) {
                return false;
            }
        }
        return true;
    }

    /** The payload bytes exactly as hashed. */
    public byte[] payloadBytes() {
        return Base64.getDecoder().decode(payloadBase64);
    }
}
