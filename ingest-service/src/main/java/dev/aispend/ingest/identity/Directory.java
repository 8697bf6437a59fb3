package dev.aispend.ingest.identity;

import dev.aispend.ingest.identity.AliasKind;

import java.time.Instant;
import java.util.Optional;

/** Who an alias belonged to at an instant: the directory's entry in force then (valid-from at or before it). */
public interface Directory {

    /** @param normalizedValue the alias as {@link AliasKind#normalize} gives it */
    Optional<DirectoryEntry> find(AliasKind kind, String normalizedValue, Instant at);
}
