package dev.aispend.contracts.identity;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One act of re-identification, as ingest-service hands it to the ledger on {@code identity.v1} before it tells
 * anybody who {@code personRef} is (docs/security.md): who asked ({@code actor}, the authenticated principal),
 * why ({@code reason}, as they gave it), and which kinds of alias were disclosed ({@code person}, {@code email},
 * {@code githubLogin}, ...). Never a disclosed value: the ledger learns that someone was re-identified, not who.
 * {@code reidentificationId} is the idempotency key. Header {@value IdentityMessage#REIDENTIFICATION_V1}.
 */
@Serdeable
public record Reidentification(
        String reidentificationId,
        String personRef,
        String actor,
        String reason,
        List<String> disclosedKinds,
        Instant requestedAt) implements IdentityMessage {

    public Reidentification {
        Objects.requireNonNull(reidentificationId, "reidentificationId");
        Objects.requireNonNull(personRef, "personRef");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
        disclosedKinds = List.copyOf(Objects.requireNonNull(disclosedKinds, "disclosedKinds"));
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
