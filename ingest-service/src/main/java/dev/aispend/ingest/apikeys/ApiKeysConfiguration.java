package dev.aispend.ingest.apikeys;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Limits of the API key admin API, from {@code ingest.api-keys.*}, each with its default here and an environment
 * variable (INGEST_API_KEYS_MAX_KEYS, INGEST_API_KEYS_MAX_NAME_LENGTH, INGEST_API_KEYS_MAX_TEAMS,
 * INGEST_API_KEYS_MAX_LIFETIME).
 *
 * @param maxKeys       the most keys usable at once (neither revoked nor expired); every service holds them all in
 *                      memory, so the number is bounded; a creation beyond it is refused (409)
 * @param maxNameLength the longest name of a key
 * @param maxTeams      the most teams one key may be limited to
 * @param maxLifetime   how far from its creation a key's expiry may lie: every key expires
 */
@ConfigurationProperties("ingest.api-keys")
public record ApiKeysConfiguration(
        @Bindable(defaultValue = "1000") int maxKeys,
        @Bindable(defaultValue = "100") int maxNameLength,
        @Bindable(defaultValue = "50") int maxTeams,
        @Bindable(defaultValue = "365d") Duration maxLifetime) {

    /** Upper bounds of the settings: every service keeps every usable key in memory. */
    public static final int MAX_KEYS_LIMIT = 100_000;
    public static final int MAX_NAME_LENGTH_LIMIT = 1_000;
    public static final int MAX_TEAMS_LIMIT = 1_000;

    public ApiKeysConfiguration {
        requireWithin("maxKeys", maxKeys, MAX_KEYS_LIMIT);
        requireWithin("maxNameLength", maxNameLength, MAX_NAME_LENGTH_LIMIT);
        requireWithin("maxTeams", maxTeams, MAX_TEAMS_LIMIT);
        if (maxLifetime.isNegative() || maxLifetime.isZero()) {
            throw new IllegalArgumentException("ingest.api-keys.max-lifetime must be positive, was " + maxLifetime);
        }
    }

    private static void requireWithin(String name, int value, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException("ingest.api-keys." + name + " must be within 1.." + max + ", was "
                    + value);
        }
    }
}
