package dev.aispend.platform.security.tokencache;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The verified-token cache (docs/security.md, "The verified-token cache"; ADR 0015), from {@code auth.token-cache.*}.
 * Every setting has its default here, so no application.yml names them; Micronaut maps {@code AUTH_TOKEN_CACHE_TTL}
 * to {@code auth.token-cache.ttl}, and so on.
 *
 * @param enabled    whether verified tokens are kept at all (AUTH_TOKEN_CACHE_ENABLED)
 * @param ttl        how long a verified token is served without being verified again (AUTH_TOKEN_CACHE_TTL): the
 *                   longest time a signing key removed from the issuer's set, or a changed issuer or audience,
 *                   still admits a token verified before; zero turns the cache off
 * @param maxEntries how many verified tokens are kept at most (AUTH_TOKEN_CACHE_MAX_ENTRIES)
 */
@ConfigurationProperties("auth.token-cache")
public record TokenCacheSettings(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "60s") Duration ttl,
        @Bindable(defaultValue = "10000") int maxEntries) {
    /** The revocation window a TTL opens; longer would let a removed key admit tokens for too long. */
    static final Duration MAX_TTL = Duration.ofMinutes(10);
    /** About 1.9 kB an entry, measured (ADR 0015): a million would be 2 GB, far beyond any service's heap. */
    static final int MAX_ENTRIES_LIMIT = 1_000_000;

    public TokenCacheSettings {
        if (ttl == null || ttl.isNegative() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("auth.token-cache.ttl (AUTH_TOKEN_CACHE_TTL) must be between 0s and "
                    + MAX_TTL.toSeconds() + "s, not " + ttl);
        }
        if (maxEntries < 1 || maxEntries > MAX_ENTRIES_LIMIT) {
            throw new IllegalArgumentException("auth.token-cache.max-entries (AUTH_TOKEN_CACHE_MAX_ENTRIES) must be "
                    + "between 1 and " + MAX_ENTRIES_LIMIT + ", not " + maxEntries);
        }
    }

    /** Whether tokens are cached: enabled, with a TTL above zero. */
    public boolean active() {
        return enabled && !ttl.isZero();
    }
}
