package dev.aispend.ingest.identity;

import io.micronaut.core.annotation.Nullable;

/**
 * Who a submission is attributed to, pseudonymously: a person ref ({@code prs_...}) when the person is known,
 * else the ref of the first alias given ({@code als_...}, unattributed until an {@code IdentityLinked} event
 * links it), else {@link IdentityResolver#UNATTRIBUTED}.
 */
public record Attribution(String personRef, String team, @Nullable String costCenter, boolean attributed) {
}
