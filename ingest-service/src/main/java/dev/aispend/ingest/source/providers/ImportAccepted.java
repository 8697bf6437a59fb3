package dev.aispend.ingest.source.providers;

import dev.aispend.ingest.acceptance.Acceptance;
import io.micronaut.serde.annotation.Serdeable;

/**
 * 202 body of a provider import: {@code usageRecords} and {@code outcomes} are durably in Kafka and recorded by the
 * ledger once per id (a page posted twice changes nothing); {@code evidence} of the usage records are
 * reconciliation evidence rather than spend (the configured source of truth); {@code skipped} entries of the page
 * were all zero.
 */
@Serdeable
public record ImportAccepted(int usageRecords, int evidence, int outcomes, int skipped, String status) {

    static ImportAccepted of(Acceptance usage, Acceptance outcomes, int skipped) {
        return new ImportAccepted(usage.acceptedIds().size(), usage.evidence(), outcomes.acceptedIds().size(),
                skipped, "accepted");
    }
}
