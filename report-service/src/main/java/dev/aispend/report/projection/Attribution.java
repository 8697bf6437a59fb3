package dev.aispend.report.projection;

import io.micronaut.core.annotation.Nullable;

import java.util.Objects;

/** Whom a spend or an outcome counts for: a person ref, their team and cost center. */
record Attribution(String personRef, String team, @Nullable String costCenter) {
    Attribution {
        Objects.requireNonNull(personRef, "personRef");
        Objects.requireNonNull(team, "team");
    }

    /** Identity links name people by {@code prs_} refs; a record nobody resolved carries its alias's {@code als_} ref. */
    static boolean isUnresolvedAlias(String personRef) {
        return personRef.startsWith("als_");
    }
}
