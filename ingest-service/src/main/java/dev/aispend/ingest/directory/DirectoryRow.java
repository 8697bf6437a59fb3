package dev.aispend.ingest.directory;

import dev.aispend.ingest.identity.AliasKind;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * One row of {@code directory_entry}: from {@code validFrom} on, the alias ({@code value} as
 * {@link AliasKind#normalize} gives it) belongs to {@code personId} in {@code team} and {@code costCenter}.
 * {@code linkId} is the id of the row's {@code IdentityLink}, derived from its content ({@link DirectoryLinks}).
 */
public record DirectoryRow(
        AliasKind kind,
        String value,
        Instant validFrom,
        String personId,
        String team,
        @Nullable String costCenter,
        String linkId) {

    public Key key() {
        return new Key(kind, value, validFrom);
    }

    public Alias alias() {
        return new Alias(kind, value);
    }

    /** The table's primary key: an alias has at most one entry from a given instant. */
    public record Key(AliasKind kind, String value, Instant validFrom) {
    }

    /** An alias, its value normalized. */
    public record Alias(AliasKind kind, String value) {
    }
}
