package dev.aispend.contracts.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Objects;

/**
 * A directory change, as ingest-service hands it to the ledger on {@code identity.v1}: from
 * {@code effectiveFrom} on, the alias (already pseudonymized: {@code aliasRef} is a keyed HMAC of e.g. an email or
 * a GitHub login) belongs to {@code personRef}, in {@code team} and {@code costCenter}. {@code linkId} is the
 * idempotency key. Schema version 1 (header {@value IdentityMessage#LINK_V1}, or none: {@link IdentityMessage}).
 */
@Serdeable
public record IdentityLink(
        String linkId,
        String aliasRef,
        String aliasKind,
        String personRef,
        String team,
        @Nullable String costCenter,
        Instant effectiveFrom,
        Instant receivedAt,
        String source) implements IdentityMessage {

    public IdentityLink {
        Objects.requireNonNull(linkId, "linkId");
        Objects.requireNonNull(aliasRef, "aliasRef");
        Objects.requireNonNull(aliasKind, "aliasKind");
        Objects.requireNonNull(personRef, "personRef");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(source, "source");
    }
}
