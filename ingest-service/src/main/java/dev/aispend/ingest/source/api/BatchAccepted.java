package dev.aispend.ingest.source.api;

import dev.aispend.ingest.acceptance.Acceptance;
import io.micronaut.serde.annotation.Serdeable;

/**
 * 202 body of a batch: every record is durably in Kafka and will be recorded by the ledger exactly once;
 * {@code evidence} of them are reconciliation evidence rather than spend (the configured source of truth).
 */
@Serdeable
public record BatchAccepted(int accepted, int evidence, String status) {

    public static BatchAccepted of(Acceptance acceptance) {
        return new BatchAccepted(acceptance.acceptedIds().size(), acceptance.evidence(), "accepted");
    }
}
