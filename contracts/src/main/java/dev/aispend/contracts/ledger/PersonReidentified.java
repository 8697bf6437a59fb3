package dev.aispend.contracts.ledger;

import dev.aispend.contracts.identity.Reidentification;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Someone was told who a person ref is (schema version 1): {@code actor} (the authenticated principal) asked for
 * {@code reason} at {@code occurredAt}, and was answered the kinds of alias in {@code disclosedKinds}. The ledger
 * records the act, never what was disclosed: no email, login or id is part of it. Ingest answers only after the
 * ledger's intake acknowledged the act, so every disclosure has its entry (docs/security.md).
 */
@Serdeable
public record PersonReidentified(
        String reidentificationId,
        String personRef,
        String actor,
        String reason,
        List<String> disclosedKinds,
        Instant occurredAt,
        String contentSha256) implements LedgerPayload {

    public PersonReidentified {
        Objects.requireNonNull(reidentificationId, "reidentificationId");
        Objects.requireNonNull(personRef, "personRef");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
        disclosedKinds = List.copyOf(Objects.requireNonNull(disclosedKinds, "disclosedKinds"));
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(contentSha256, "contentSha256");
    }

    public static PersonReidentified of(Reidentification act, String contentSha256) {
        return new PersonReidentified(act.reidentificationId(), act.personRef(), act.actor(), act.reason(),
                act.disclosedKinds(), act.requestedAt(), contentSha256);
    }
}
