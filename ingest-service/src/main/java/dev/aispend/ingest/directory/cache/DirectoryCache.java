package dev.aispend.ingest.directory.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.aispend.ingest.directory.DirectoryStore.SealedAlias;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;

/**
 * The aliases' histories this instance read from the directory, kept until the directory changes. Correct only
 * while every change is heard: the cache is {@linkplain #usable() usable} only while the listener is connected and
 * listening, and each change of that state empties it.
 * <p>
 * Race-free by a generation: every invalidation (a change heard, the listener connected or lost) increments it and
 * empties the cache under one lock, and a look-up stores what it read only if the generation it read before its
 * query is still current, under the same lock. A query that may have read the directory before a change committed
 * therefore never stores its answer after the change was heard; one that stored before is emptied by it.
 */
public final class DirectoryCache {
    private final Cache<SealedAlias, AliasHistory> histories;
    private final Object lock = new Object();
    /** Written under {@link #lock}; read without it by {@link #generation()}. */
    private volatile long generation;
    private volatile boolean listening;

    /** @param maxAliases 0: no cache, never usable */
    DirectoryCache(int maxAliases, Duration ttl, Ticker ticker) {
        this.histories = maxAliases == 0 ? null : Caffeine.newBuilder().maximumSize(maxAliases)
                .expireAfterWrite(ttl).ticker(ticker)
                // Evictions on the writing thread: nothing in the background, and what tests see is what is kept.
                .executor(Runnable::run).build();
    }

    public static DirectoryCache of(DirectoryCacheConfiguration configuration) {
        return new DirectoryCache(configuration.maxAliases(), configuration.ttl(), Ticker.systemTicker());
    }

    public boolean enabled() {
        return histories != null;
    }

    /** Whether answers may come from (and go to) the cache: enabled and listening for changes. */
    public boolean usable() {
        return histories != null && listening;
    }

    public boolean listening() {
        return listening;
    }

    /** Read before a look-up's query; hand it to {@link #storeIfUnchanged}. */
    public long generation() {
        return generation;
    }

    /** The histories the cache holds of these aliases (the others are misses). */
    public Map<SealedAlias, AliasHistory> present(Collection<SealedAlias> aliases) {
        return histories == null ? Map.of() : histories.getAllPresent(aliases);
    }

    /**
     * Keeps what a look-up read, unless anything was invalidated since it read {@code generationBefore} (its
     * answer may predate a change) or the cache is not usable.
     *
     * @return whether it was kept
     */
    public boolean storeIfUnchanged(long generationBefore, Map<SealedAlias, AliasHistory> read) {
        synchronized (lock) {
            if (!usable() || generation != generationBefore) {
                return false;
            }
            histories.putAll(read);
            return true;
        }
    }

    /** The directory changed: forget everything, and refuse what look-ups under way read before. */
    public void invalidate() {
        synchronized (lock) {
            generation++;
            if (histories != null) {
                histories.invalidateAll();
            }
        }
    }

    /**
     * The listener connected (and listens) or lost its connection. Either way the cache starts empty: changes
     * made while nobody listened were not heard.
     */
    public void listening(boolean nowListening) {
        synchronized (lock) {
            listening = nowListening;
            generation++;
            if (histories != null) {
                histories.invalidateAll();
            }
        }
    }

    /** Aliases held now (an estimate while evictions are pending). */
    public long size() {
        return histories == null ? 0 : histories.estimatedSize();
    }
}
