package dev.aispend.contracts.usage;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Objects;

/**
 * One client-reported use of a model, as ingest-service hands it to the ledger on {@code usage.v1}.
 *
 * <p>{@code usageRecordId} is the client's idempotency key: the ledger records each id once.
 * {@code personRef} is a keyed HMAC of the person's identity, never an email or a name (invariant 6).
 * Schema version 1; add fields only as optional, rename never.
 */
@Serdeable
public record UsageRecord(
        String usageRecordId,
        Instant occurredAt,
        Instant receivedAt,
        String source,
        String team,
        String personRef,
        String model,
        TokenCounts tokens) {

    public UsageRecord {
        Objects.requireNonNull(usageRecordId, "usageRecordId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(personRef, "personRef");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(tokens, "tokens");
    }
}
