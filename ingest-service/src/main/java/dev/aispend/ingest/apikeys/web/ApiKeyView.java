package dev.aispend.ingest.apikeys.web;

import dev.aispend.contracts.security.ApiKeyState;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * A key as the admin API shows it: never its secret, nor the secret's hash. {@code status} is {@code active},
 * {@code expired} or {@code revoked}, judged at the answer's time.
 */
@Serdeable
record ApiKeyView(String id, String name, List<String> roles, List<String> teams, Instant expiresAt,
                  String createdBy, Instant createdAt, @Nullable Instant revokedAt, @Nullable String revokedBy,
                  String status) {

    static ApiKeyView of(ApiKeyState state, Instant now) {
        String status = state.revoked() ? "revoked" : state.usableAt(now) ? "active" : "expired";
        return new ApiKeyView(state.keyId(), state.name(), state.roles(), state.teams(), state.expiresAt(),
                state.createdBy(), state.createdAt(), state.revokedAt(), state.revokedBy(), status);
    }
}
