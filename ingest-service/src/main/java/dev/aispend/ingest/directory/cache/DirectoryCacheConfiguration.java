package dev.aispend.ingest.directory.cache;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The directory cache's bounds, {@code ingest.directory.cache.*} in application.yml
 * (docs/adr/0016-directory-answers-cached-until-notified.md).
 *
 * @param ttl        how long an alias's history is kept at most (INGEST_DIRECTORY_CACHE_TTL, default 5m): a
 *                   backstop only, since every change to the directory empties the cache of every instance
 * @param maxAliases how many aliases' histories are kept at most (INGEST_DIRECTORY_CACHE_MAX_ALIASES, default
 *                   20000); 0 turns the cache off, and every look-up asks the database
 */
@ConfigurationProperties("ingest.directory.cache")
public record DirectoryCacheConfiguration(
        @Bindable(defaultValue = "5m") Duration ttl,
        @Bindable(defaultValue = "20000") int maxAliases) {

    /** The cache holds every alias's history in the heap (a few hundred bytes each): ten million is gigabytes. */
    public static final int MAX_ALIASES_LIMIT = 10_000_000;
    /** A backstop for a lost notification should not outlive a working day. */
    public static final Duration MAX_TTL = Duration.ofDays(1);

    public DirectoryCacheConfiguration {
        if (ttl == null || ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("ingest.directory.cache.ttl (INGEST_DIRECTORY_CACHE_TTL) must be "
                    + "within 1s.." + MAX_TTL.toHours() + "h, was " + ttl);
        }
        if (maxAliases < 0 || maxAliases > MAX_ALIASES_LIMIT) {
            throw new IllegalArgumentException("ingest.directory.cache.max-aliases "
                    + "(INGEST_DIRECTORY_CACHE_MAX_ALIASES) must be within 0.." + MAX_ALIASES_LIMIT + ", was "
                    + maxAliases);
        }
    }

    public boolean enabled() {
        return maxAliases > 0;
    }
}
