package dev.aispend.policy.rules;

import io.micronaut.core.annotation.Nullable;

import java.util.Objects;

/** A person's team and cost center by the identity link in force (latest effective time, then ledger position). */
public record PersonAttribution(String personRef, String team, @Nullable String costCenter) {
    public PersonAttribution {
        Objects.requireNonNull(personRef, "personRef");
        Objects.requireNonNull(team, "team");
    }
}
