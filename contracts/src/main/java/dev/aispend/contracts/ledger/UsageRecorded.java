package dev.aispend.contracts.ledger;

import dev.aispend.contracts.usage.TokenCounts;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Objects;

/** The payload of a {@code UsageRecorded} ledger entry: the usage as the ledger accepted it. */
@Serdeable
public record UsageRecorded(
        String usageRecordId,
        Instant occurredAt,
        String source,
        String team,
        String personRef,
        String model,
        TokenCounts tokens) {

    public UsageRecorded {
        Objects.requireNonNull(usageRecordId, "usageRecordId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(personRef, "personRef");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(tokens, "tokens");
    }
}
