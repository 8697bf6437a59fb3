package dev.aispend.ingest.identity;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Who an alias belonged to at an instant: the directory's entry in force then (valid-from at or before it). */
public interface Directory {

    /** @param normalizedValue the alias as {@link AliasKind#normalize} gives it */
    Optional<DirectoryEntry> find(AliasKind kind, String normalizedValue, Instant at);

    /**
     * {@link #find} for many lookups at once: the entry in force for each lookup that has one. A store answers
     * them in one query, so a request of a thousand records costs one round trip, not one per alias per record.
     * This default asks one by one (for directories held in memory).
     */
    default Map<Lookup, DirectoryEntry> findAll(Collection<Lookup> lookups) {
        Map<Lookup, DirectoryEntry> found = new HashMap<>();
        for (Lookup lookup : lookups) {
            find(lookup.kind(), lookup.normalizedValue(), lookup.at()).ifPresent(entry -> found.put(lookup, entry));
        }
        return found;
    }

    /** One question to the directory: whose was this alias ({@link AliasKind#normalize}d) at {@code at}. */
    record Lookup(AliasKind kind, String normalizedValue, Instant at) {
    }
}
