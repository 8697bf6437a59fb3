package dev.aispend.contracts.ledger;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Usage recorded as priced spend (schema version 1). {@code spend} carries the price that applied at the
 * ledger position where it was recorded; a later rate card never changes it (a re-pricing is a new
 * {@link SpendRepriced} entry). {@code reportedCostUsdMicros} is what the client said it cost, kept for
 * reconciliation. {@code contentSha256} identifies the content under {@code recordId} (ADR 0006).
 * {@code attributes} (added as optional, null when none) are a client's extra attributes, bounded by ingest.
 */
@Serdeable
public record SpendRecorded(
        String recordId,
        String personRef,
        String team,
        @Nullable String costCenter,
        @Nullable String provider,
        String model,
        Spend spend,
        @Nullable Long reportedCostUsdMicros,
        @Nullable String purpose,
        String source,
        @Nullable String sessionId,
        @Nullable String requestId,
        Instant occurredAt,
        Instant receivedAt,
        String contentSha256,
        @Nullable Map<String, String> attributes) implements LedgerPayload {

    public SpendRecorded {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(personRef, "personRef");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(spend, "spend");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(contentSha256, "contentSha256");
    }
}
