package dev.aispend.platform.security.tokencache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The tokens verified lately, each by the SHA-256 of the whole token (header, claims and signature: a token differing
 * in any byte is another entry, and the token itself is never kept), with the authentication its verification gave.
 * An entry is served only while the token's {@code exp} is ahead and its {@code nbf} (if any) behind, judged at every
 * look-up by the wall clock micronaut-security's own expiry and not-before checks read, and only until it is
 * {@code ttl} old (by a monotonic ticker, so a wall clock set back does not extend it). At most {@code maxEntries}
 * are kept; past that Caffeine evicts the ones least likely to be asked again.
 */
final class VerifiedTokens {
    static final String METRIC = "aispend.security.token.cache";

    private final Cache<String, VerifiedToken> entries;
    private final Clock clock;
    @Nullable
    private final Counter hits;
    @Nullable
    private final Counter misses;

    VerifiedTokens(TokenCacheSettings settings, Clock clock, Ticker ticker, @Nullable MeterRegistry meters) {
        this.entries = Caffeine.newBuilder()
                .maximumSize(settings.maxEntries())
                .expireAfterWrite(settings.ttl())
                .ticker(ticker)
                // Evictions run on the caller's thread: a few pointer updates per write, and no work handed to
                // the common pool behind a request's back (it also makes the bound exact in tests).
                .executor(Runnable::run)
                .build();
        this.clock = clock;
        this.hits = meters == null ? null : meters.counter(METRIC, "result", "hit");
        this.misses = meters == null ? null : meters.counter(METRIC, "result", "miss");
    }

    /** The authentication {@code token} was verified to, if it was lately and may still be served now. */
    Optional<Authentication> find(String token) {
        VerifiedToken entry = entries.getIfPresent(digest(token));
        if (entry != null && entry.usableAt(clock.instant())) {
            count(hits);
            return Optional.of(entry.authentication());
        }
        count(misses);
        return Optional.empty();
    }

    /**
     * Keeps {@code authentication}, which verifying {@code token} gave, until {@code expiresAt} at the latest. A token
     * without an expiry is not kept (ExpiryRequired refuses one anyway), nor one already past it.
     */
    void remember(String token, Authentication authentication, @Nullable Instant expiresAt,
                  @Nullable Instant notBefore) {
        if (expiresAt == null) {
            return;
        }
        VerifiedToken entry = new VerifiedToken(authentication, expiresAt, notBefore);
        if (entry.usableAt(clock.instant())) {
            entries.put(digest(token), entry);
        }
    }

    /** How many entries are kept now (after Caffeine's pending evictions), for the tests of the bound. */
    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    private static void count(@Nullable Counter counter) {
        if (counter != null) {
            counter.increment();
        }
    }

    private static String digest(String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            // Every Java runtime must provide SHA-256 (java.security.MessageDigest's documentation).
            throw new IllegalStateException(impossible);
        }
    }

    private record VerifiedToken(Authentication authentication, Instant expiresAt, @Nullable Instant notBefore) {
        /** Strictly before the expiry: micronaut-security admits the very instant of {@code exp}, this does not. */
        boolean usableAt(Instant now) {
            return now.isBefore(expiresAt) && (notBefore == null || !now.isBefore(notBefore));
        }
    }
}
