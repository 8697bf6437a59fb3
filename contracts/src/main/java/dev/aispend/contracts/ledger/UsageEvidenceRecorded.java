package dev.aispend.contracts.ledger;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Objects;

/**
 * Usage recorded as reconciliation evidence only (schema version 1): the same calls reached the ledger from a
 * source that is not the configured source of truth for its provider or team (docs/sources-of-truth.md), so it
 * is priced and kept exactly like spend, in {@code evidence}, but never added to spend, budgets or totals.
 * Reports show it beside the spend it describes.
 */
@Serdeable
public record UsageEvidenceRecorded(SpendRecorded evidence) implements LedgerPayload {

    public UsageEvidenceRecorded {
        Objects.requireNonNull(evidence, "evidence");
    }

    @Override
    public Instant occurredAt() {
        return evidence.occurredAt();
    }
}
