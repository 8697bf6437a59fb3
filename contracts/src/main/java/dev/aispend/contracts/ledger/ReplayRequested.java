package dev.aispend.contracts.ledger;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Objects;

/**
 * Someone had the ledger re-publish a range of its entries (schema version 1): {@code actor} (the authenticated
 * principal) started replay {@code replayId} of positions {@code fromPosition..toPosition} onto {@code topic} at
 * {@code occurredAt}, for {@code reason} (null when none was given). Appended in the same transaction that
 * accepts the replay, so no replay runs without its entry. A replay asked "up to the head" ends with this entry
 * itself ({@code toPosition} is its own position), so a reader of the replay sees who asked for it.
 */
@Serdeable
public record ReplayRequested(
        String replayId,
        String actor,
        long fromPosition,
        long toPosition,
        String topic,
        @Nullable String reason,
        Instant occurredAt) implements LedgerPayload {

    public ReplayRequested {
        Objects.requireNonNull(replayId, "replayId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (fromPosition < 1 || toPosition < fromPosition) {
            throw new IllegalArgumentException("a replay covers 1 <= fromPosition <= toPosition, was "
                    + fromPosition + ".." + toPosition);
        }
    }
}
