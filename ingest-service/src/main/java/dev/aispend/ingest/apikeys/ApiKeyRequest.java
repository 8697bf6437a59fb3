package dev.aispend.ingest.apikeys;

import java.time.Instant;
import java.util.List;

/**
 * A creation request that met every rule (ApiKeyRequestReader): what the new key is for, what it may do, and when
 * it stops working.
 */
public record ApiKeyRequest(String name, List<String> roles, List<String> teams, Instant expiresAt) {

    public ApiKeyRequest {
        roles = List.copyOf(roles);
        teams = List.copyOf(teams);
    }
}
