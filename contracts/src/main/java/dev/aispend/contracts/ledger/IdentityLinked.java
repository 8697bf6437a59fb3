package dev.aispend.contracts.ledger;

import dev.aispend.contracts.identity.IdentityLink;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Objects;

/**
 * From {@code occurredAt} (the link's effective time) on, an alias belongs to a person in a team and cost
 * center (schema version 1). Reports re-attribute by these events; history is never rewritten.
 */
@Serdeable
public record IdentityLinked(
        String linkId,
        String aliasRef,
        String aliasKind,
        String personRef,
        String team,
        @Nullable String costCenter,
        String source,
        Instant occurredAt,
        Instant receivedAt,
        String contentSha256) implements LedgerPayload {

    public IdentityLinked {
        Objects.requireNonNull(linkId, "linkId");
        Objects.requireNonNull(aliasRef, "aliasRef");
        Objects.requireNonNull(aliasKind, "aliasKind");
        Objects.requireNonNull(personRef, "personRef");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(contentSha256, "contentSha256");
    }

    public static IdentityLinked of(IdentityLink link, String contentSha256) {
        return new IdentityLinked(link.linkId(), link.aliasRef(), link.aliasKind(), link.personRef(), link.team(),
                link.costCenter(), link.source(), link.effectiveFrom(), link.receivedAt(), contentSha256);
    }
}
