package dev.aispend.contracts.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The whole current state of one API key, as ingest-service publishes it on {@code api-keys.v1} (compacted, keyed
 * by {@code keyId}) each time the key is created or revoked: every service reads the topic from its beginning and
 * accepts the key as a bearer credential while the key is neither revoked nor expired. Never the secret itself:
 * {@code secretSha256} is the hex SHA-256 of the key's random 256-bit secret, which cannot be turned back into
 * the secret. Schema version {@value #SCHEMA_VERSION}.
 *
 * @param schemaVersion {@value #SCHEMA_VERSION}; a reader refuses (treats as unknown) a version it does not know
 * @param keyId         the key's public id, the {@code <keyId>} of {@code ask_<keyId>_<secret>}
 * @param name          what the key is for, as the admin named it (e.g. "ci-importer")
 * @param secretSha256  lower-case hex SHA-256 of the secret's UTF-8 text
 * @param roles         the roles a request with this key holds
 * @param teams         the teams a team-scoped role is limited to (empty for organisation-wide roles)
 * @param expiresAt     from this instant on the key is refused
 * @param createdBy     the principal (an admin) who created it
 * @param revokedAt     when it was revoked, or null while it is not; a revoked key never comes back
 * @param revokedBy     the principal who revoked it, or null
 */
@Serdeable
public record ApiKeyState(
        int schemaVersion,
        String keyId,
        String name,
        String secretSha256,
        List<String> roles,
        List<String> teams,
        Instant expiresAt,
        String createdBy,
        Instant createdAt,
        @Nullable Instant revokedAt,
        @Nullable String revokedBy) {

    public static final int SCHEMA_VERSION = 1;

    public ApiKeyState {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(secretSha256, "secretSha256");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        roles = roles == null ? List.of() : List.copyOf(roles);
        teams = teams == null ? List.of() : List.copyOf(teams);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    /** Whether a request at {@code now} may use the key: not revoked, not expired yet. */
    public boolean usableAt(Instant now) {
        return !revoked() && now.isBefore(expiresAt);
    }

    /** This state revoked at {@code at} by {@code by}; an already revoked state stays as it was. */
    public ApiKeyState revokedBy(Instant at, String by) {
        if (revoked()) {
            return this;
        }
        return new ApiKeyState(schemaVersion, keyId, name, secretSha256, roles, teams, expiresAt, createdBy,
                createdAt, at, by);
    }
}
