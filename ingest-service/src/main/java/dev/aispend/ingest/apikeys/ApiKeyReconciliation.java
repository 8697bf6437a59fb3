package dev.aispend.ingest.apikeys;

import dev.aispend.contracts.security.ApiKeyState;
import dev.aispend.platform.security.apikey.ApiKeyDirectory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which recorded keys api-keys.v1 does not say the same about: a key not expired yet that the topic does not hold,
 * holds with another secret, or holds as usable while ingest's database has it revoked. That happens when the
 * topic was lost or recreated (a new Kafka cluster), or a state was published and its transaction then failed;
 * ingest publishes those states again at start, so every service agrees with the database. Pure: no I/O.
 */
public final class ApiKeyReconciliation {
    private ApiKeyReconciliation() {
    }

    /** The recorded states to publish again, judged against what the directory read from the topic. */
    public static List<ApiKeyState> toPublishAgain(List<ApiKeyState> recorded, ApiKeyDirectory directory,
                                                   Instant now) {
        return recorded.stream()
                .filter(state -> now.isBefore(state.expiresAt()))
                .filter(state -> differs(state, directory.find(state.keyId())))
                .toList();
    }

    private static boolean differs(ApiKeyState recorded, Optional<ApiKeyState> published) {
        if (published.isEmpty()) {
            return true;
        }
        ApiKeyState topic = published.get();
        // A revocation the topic has and the database not (its commit failed) is in force anyway: left as it is.
        return !topic.secretSha256().equals(recorded.secretSha256()) || (recorded.revoked() && !topic.revoked());
    }
}
