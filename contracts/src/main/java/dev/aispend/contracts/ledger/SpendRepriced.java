package dev.aispend.contracts.ledger;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Objects;

/**
 * A correction of one recorded spend's price (schema version 1): the spend at {@code originalPosition} now
 * counts {@code repriced} instead of {@code previous} (its price so far, after any earlier re-pricing). The
 * original entry is never touched. {@code occurredAt} is the original spend's, so reports correct the period the
 * spend belongs to; {@code requestedAt} is when the re-pricing was asked for. {@code costCenter},
 * {@code provider} and {@code purpose} (added as optional; null in corrections recorded before they existed) are
 * the original spend's, so a budget scoped by them corrects the same total.
 */
@Serdeable
public record SpendRepriced(
        String repricingId,
        long originalPosition,
        String recordId,
        String personRef,
        String team,
        String model,
        Spend previous,
        Spend repriced,
        String actor,
        String reason,
        Instant occurredAt,
        Instant requestedAt,
        @Nullable String costCenter,
        @Nullable String provider,
        @Nullable String purpose) implements LedgerPayload {

    @Creator
    public SpendRepriced {
        Objects.requireNonNull(repricingId, "repricingId");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(personRef, "personRef");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(repriced, "repriced");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(requestedAt, "requestedAt");
        if (originalPosition < 1) {
            throw new IllegalArgumentException("originalPosition must be at least 1");
        }
        if (!previous.tokens().equals(repriced.tokens())) {
            throw new IllegalArgumentException("a re-pricing changes the price, never the tokens");
        }
    }

    /** A correction of schema version 1 as first defined, without the original's cost center, provider, purpose. */
    public SpendRepriced(String repricingId, long originalPosition, String recordId, String personRef, String team,
                         String model, Spend previous, Spend repriced, String actor, String reason,
                         Instant occurredAt, Instant requestedAt) {
        this(repricingId, originalPosition, recordId, personRef, team, model, previous, repriced, actor, reason,
                occurredAt, requestedAt, null, null, null);
    }

    /** What the correction adds to a total: new cost minus the cost counted so far (may be negative). */
    public long costDeltaUsdMicros() {
        return Math.subtractExact(repriced.costUsdMicros(), previous.costUsdMicros());
    }
}
