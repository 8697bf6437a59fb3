package dev.aispend.platform.security.apikey;

import dev.aispend.contracts.security.ApiKeyState;
import dev.aispend.platform.security.Caller;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Every API key this service knows, by id: the last state read from api-keys.v1 (ApiKeyTopicFollower), and at
 * ingest also the state it just published, so a key works there as soon as its creation is answered. Decides
 * whether a presented key authenticates a request. Revocation is final: a state that is not revoked never
 * replaces a revoked one, so a creation read late (ingest's own state applied first, the topic's after) cannot
 * bring a revoked key back.
 */
@Singleton
public final class ApiKeyDirectory {
    /** The prefix of an API key's principal name, before its id; the ledger records it as the actor. */
    public static final String PRINCIPAL_PREFIX = "api-key:";
    /** The attribute naming the key's own name (what it is for), beside the roles and teams. */
    public static final String KEY_NAME_ATTRIBUTE = "apiKeyName";

    private final Map<String, ApiKeyState> states = new ConcurrentHashMap<>();
    private final CountDownLatch caughtUp = new CountDownLatch(1);

    /** Takes {@code state} as the key's current one, unless the key is revoked already (revocation is final). */
    public void apply(ApiKeyState state) {
        states.merge(state.keyId(), state, (current, next) -> current.revoked() && !next.revoked() ? current : next);
    }

    /** Forgets a key: a tombstone on the topic, or a state this service cannot read (refused rather than trusted). */
    public void forget(String keyId) {
        states.remove(keyId);
    }

    public Optional<ApiKeyState> find(String keyId) {
        return Optional.ofNullable(states.get(keyId));
    }

    /** The authentication a presented key stands for at {@code now}, or empty when it stands for none. */
    public Optional<Authentication> authenticate(String token, Instant now) {
        return ApiKeyFormat.parse(token).flatMap(presented -> find(presented.keyId())
                .filter(state -> state.usableAt(now))
                .filter(state -> ApiKeyFormat.matches(presented.secret(), state.secretSha256()))
                .map(ApiKeyDirectory::authentication));
    }

    /** Whether the topic has been read up to the end it had when this service started. */
    public boolean caughtUp() {
        return caughtUp.getCount() == 0;
    }

    /** Whether the topic was read to its start-time end within {@code timeout}. */
    public boolean awaitCaughtUp(Duration timeout) {
        try {
            return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void markCaughtUp() {
        caughtUp.countDown();
    }

    /** Counts for health: keys known, and of them usable now. */
    public Map<String, Object> counts(Instant now) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("keys", states.size());
        counts.put("usable", states.values().stream().filter(state -> state.usableAt(now)).count());
        return counts;
    }

    private static Authentication authentication(ApiKeyState state) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put(Caller.TEAMS_CLAIM, state.teams());
        attributes.put(KEY_NAME_ATTRIBUTE, state.name());
        return Authentication.build(PRINCIPAL_PREFIX + state.keyId(), state.roles(), attributes);
    }
}
