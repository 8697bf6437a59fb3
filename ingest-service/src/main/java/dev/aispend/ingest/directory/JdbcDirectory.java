package dev.aispend.ingest.directory;

import dev.aispend.ingest.identity.AliasKind;
import dev.aispend.ingest.identity.Directory;
import dev.aispend.ingest.identity.DirectoryEntry;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The directory in ingest's PostgreSQL ({@code directory_entry}), read through {@link DirectoryStore} by refs: usage
 * resolution decrypts nothing.
 */
@Singleton
class JdbcDirectory implements Directory {
    private final DirectoryStore store;

    JdbcDirectory(DirectoryStore store) {
        this.store = store;
    }

    @Override
    @ReadOnly
    public Optional<DirectoryEntry> find(AliasKind kind, String normalizedValue, Instant at) {
        Lookup lookup = new Lookup(kind, normalizedValue, at);
        return Optional.ofNullable(store.inForceAt(List.of(lookup)).get(lookup));
    }

    /** One query for all of a request's lookups ({@link DirectoryStore#inForceAt}). */
    @Override
    @ReadOnly
    public Map<Lookup, DirectoryEntry> findAll(Collection<Lookup> lookups) {
        return store.inForceAt(List.copyOf(lookups));
    }
}
