package dev.aispend.ingest.apikeys;

import dev.aispend.contracts.security.ApiKeyState;

/** A key just created: its state, and the plaintext key, which exists only in this answer to its creator. */
public record CreatedKey(ApiKeyState state, String plaintext) {
    @Override
    public String toString() {
        // Never the plaintext, should this record ever be logged.
        return "CreatedKey[" + state.keyId() + "]";
    }
}
