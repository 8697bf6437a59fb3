package dev.aispend.ingest.directory.cache;

import dev.aispend.ingest.directory.DirectoryStore.SealedAlias;
import dev.aispend.ingest.directory.SealedRows;
import dev.aispend.ingest.identity.AliasKind;
import dev.aispend.ingest.identity.Directory;
import dev.aispend.ingest.identity.DirectoryEntry;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The directory usage resolution reads: each alias's whole history cached by its ref (never its value), answered
 * in memory at each lookup's own time by the rule of the SQL ({@link AliasHistory}). A request's aliases the cache
 * lacks are read in one query, every row of each, and kept if nothing changed meanwhile ({@link DirectoryCache});
 * when the cache cannot be used (the listener not connected, or turned off) the request is answered by the SQL
 * itself, as without a cache.
 */
public final class CachingDirectory implements Directory {
    private final DirectoryCache cache;
    private final DirectoryDatabase database;
    private final SealedRows sealed;
    private final DirectoryCacheMetrics metrics;

    CachingDirectory(DirectoryCache cache, DirectoryDatabase database, SealedRows sealed,
                     DirectoryCacheMetrics metrics) {
        this.cache = cache;
        this.database = database;
        this.sealed = sealed;
        this.metrics = metrics;
    }

    @Override
    public Optional<DirectoryEntry> find(AliasKind kind, String normalizedValue, Instant at) {
        Lookup lookup = new Lookup(kind, normalizedValue, at);
        return Optional.ofNullable(findAll(List.of(lookup)).get(lookup));
    }

    @Override
    public Map<Lookup, DirectoryEntry> findAll(Collection<Lookup> lookups) {
        if (lookups.isEmpty()) {
            return Map.of();
        }
        // Read before anything else: whatever this look-up reads from the database is older than this generation.
        long generation = cache.generation();
        if (!cache.usable()) {
            metrics.bypasses(distinctAliases(lookups));
            return database.inForceAt(lookups);
        }
        Map<Lookup, SealedAlias> aliasOf = new HashMap<>();
        for (Lookup lookup : lookups) {
            aliasOf.put(lookup, new SealedAlias(lookup.kind(), sealed.aliasRef(lookup.kind(),
                    lookup.normalizedValue())));
        }
        Set<SealedAlias> wanted = new HashSet<>(aliasOf.values());
        Map<SealedAlias, AliasHistory> histories = new HashMap<>(cache.present(wanted));
        metrics.hits(histories.size());
        Set<SealedAlias> missing = new HashSet<>(wanted);
        missing.removeAll(histories.keySet());
        if (!missing.isEmpty()) {
            metrics.misses(missing.size());
            Map<SealedAlias, AliasHistory> read = database.histories(missing);
            cache.storeIfUnchanged(generation, read);
            histories.putAll(read);
        }
        Map<Lookup, DirectoryEntry> found = new HashMap<>();
        aliasOf.forEach((lookup, alias) -> {
            DirectoryEntry entry = histories.getOrDefault(alias, AliasHistory.NONE).inForceAt(lookup.at());
            if (entry != null) {
                found.put(lookup, entry);
            }
        });
        return found;
    }

    private static int distinctAliases(Collection<Lookup> lookups) {
        Set<String> aliases = new HashSet<>();
        lookups.forEach(lookup -> aliases.add(lookup.kind().wireName() + "\0" + lookup.normalizedValue()));
        return aliases.size();
    }
}
