package dev.aispend.ingest.directory.cache;

import dev.aispend.ingest.directory.DirectoryStore;
import dev.aispend.ingest.directory.DirectoryStore.SealedAlias;
import dev.aispend.ingest.identity.Directory;
import dev.aispend.ingest.identity.DirectoryEntry;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The directory in ingest's PostgreSQL ({@code directory_entry}), each read in a read-only transaction of its own
 * through {@link DirectoryStore}, by refs: usage resolution decrypts nothing. Only the cache's misses and bypasses
 * come here; a hit opens no transaction and borrows no connection.
 */
@Singleton
class DirectoryReads implements DirectoryDatabase {
    private final DirectoryStore store;

    DirectoryReads(DirectoryStore store) {
        this.store = store;
    }

    @Override
    @ReadOnly
    public Map<SealedAlias, AliasHistory> histories(Collection<SealedAlias> aliases) {
        Map<SealedAlias, AliasHistory> histories = new HashMap<>();
        store.histories(aliases).forEach((alias, rows) -> histories.put(alias, AliasHistory.of(rows)));
        return histories;
    }

    @Override
    @ReadOnly
    public Map<Directory.Lookup, DirectoryEntry> inForceAt(Collection<Directory.Lookup> lookups) {
        return store.inForceAt(List.copyOf(lookups));
    }
}
