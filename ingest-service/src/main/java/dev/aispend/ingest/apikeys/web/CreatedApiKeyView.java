package dev.aispend.ingest.apikeys.web;

import dev.aispend.ingest.apikeys.CreatedKey;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * The answer to a creation: the key itself ({@code key}, shown this once: only its hash is kept, so it cannot be
 * shown again) and what it may do.
 */
@Serdeable
record CreatedApiKeyView(String id, String key, String name, List<String> roles, List<String> teams,
                         Instant expiresAt, String createdBy, Instant createdAt) {

    static CreatedApiKeyView of(CreatedKey created) {
        var state = created.state();
        return new CreatedApiKeyView(state.keyId(), created.plaintext(), state.name(), state.roles(), state.teams(),
                state.expiresAt(), state.createdBy(), state.createdAt());
    }

    @Override
    public String toString() {
        return "CreatedApiKeyView[" + id + "]";
    }
}
