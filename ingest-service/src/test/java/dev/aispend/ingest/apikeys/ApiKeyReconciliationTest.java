package dev.aispend.ingest.apikeys;

import dev.aispend.contracts.security.ApiKeyState;
import dev.aispend.platform.security.apikey.ApiKeyDirectory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyReconciliationTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private final ApiKeyDirectory directory = new ApiKeyDirectory();

    private static ApiKeyState key(String id, String hash, Instant expiresAt) {
        return new ApiKeyState(ApiKeyState.SCHEMA_VERSION, id, "name-" + id, hash, List.of("ingest-client"),
                List.of(), expiresAt, "ada", NOW.minusSeconds(3600), null, null);
    }

    @Test
    void publishes_again_a_key_the_topic_does_not_hold() {
        ApiKeyState lost = key("a".repeat(24), "1".repeat(64), NOW.plusSeconds(60));

        assertThat(ApiKeyReconciliation.toPublishAgain(List.of(lost), directory, NOW)).containsExactly(lost);
    }

    @Test
    void leaves_a_key_the_topic_holds_as_recorded_and_an_expired_one() {
        ApiKeyState held = key("b".repeat(24), "2".repeat(64), NOW.plusSeconds(60));
        ApiKeyState expired = key("c".repeat(24), "3".repeat(64), NOW);
        directory.apply(held);

        assertThat(ApiKeyReconciliation.toPublishAgain(List.of(held, expired), directory, NOW)).isEmpty();
    }

    @Test
    void publishes_again_a_revocation_the_topic_does_not_hold_and_leaves_one_only_the_topic_holds() {
        ApiKeyState revokedInDatabase = key("d".repeat(24), "4".repeat(64), NOW.plusSeconds(60));
        ApiKeyState revokedOnTopic = key("e".repeat(24), "5".repeat(64), NOW.plusSeconds(60));
        directory.apply(revokedInDatabase);
        directory.apply(revokedOnTopic.revokedBy(NOW.minusSeconds(5), "ada"));
        ApiKeyState recordedRevocation = revokedInDatabase.revokedBy(NOW.minusSeconds(5), "ada");

        assertThat(ApiKeyReconciliation.toPublishAgain(List.of(recordedRevocation, revokedOnTopic), directory, NOW))
                .containsExactly(recordedRevocation);
    }

    @Test
    void publishes_again_a_key_the_topic_holds_with_another_secret() {
        ApiKeyState recorded = key("f".repeat(24), "6".repeat(64), NOW.plusSeconds(60));
        directory.apply(key("f".repeat(24), "7".repeat(64), NOW.plusSeconds(60)));

        assertThat(ApiKeyReconciliation.toPublishAgain(List.of(recorded), directory, NOW)).containsExactly(recorded);
    }
}
