package dev.aispend.platform.security.apikey;

import dev.aispend.contracts.security.ApiKeyState;
import dev.aispend.platform.security.Caller;
import io.micronaut.security.authentication.Authentication;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyDirectoryTest {
    private static final Instant CREATED = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2027-11-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private final ApiKeyDirectory directory = new ApiKeyDirectory();
    private final ApiKeyFormat.Generated key = ApiKeyFormat.generate(ApiKeyFormatTest.seeded(42));

    private ApiKeyState state(List<String> roles, List<String> teams) {
        return new ApiKeyState(ApiKeyState.SCHEMA_VERSION, key.keyId(), "ci-importer", key.secretSha256(), roles,
                teams, EXPIRES, "ada", CREATED, null, null);
    }

    @Test
    void authenticates_a_known_key_as_its_principal_with_its_roles_and_teams() {
        directory.apply(state(List.of("team-lead"), List.of("platform")));

        Authentication authentication = directory.authenticate(key.plaintext(), NOW).orElseThrow();

        assertThat(authentication.getName()).isEqualTo("api-key:" + key.keyId());
        Caller caller = Caller.of(authentication);
        assertThat(caller.roles()).containsExactly("team-lead");
        assertThat(caller.teams()).containsExactly("platform");
        assertThat(caller.person()).isNull();
        assertThat(caller.mayRead("platform")).isTrue();
        assertThat(caller.mayRead("web")).isFalse();
    }

    @Test
    void refuses_an_unknown_key_and_a_known_id_with_another_secret() {
        assertThat(directory.authenticate(key.plaintext(), NOW)).isEmpty();

        directory.apply(state(List.of("ingest-client"), List.of()));
        String otherSecret = "ask_" + key.keyId() + "_" + "B".repeat(43);

        assertThat(directory.authenticate(otherSecret, NOW)).isEmpty();
        assertThat(directory.authenticate(key.plaintext(), NOW)).isPresent();
    }

    @Test
    void refuses_a_key_from_the_instant_it_expires() {
        directory.apply(state(List.of("ingest-client"), List.of()));

        assertThat(directory.authenticate(key.plaintext(), EXPIRES.minusMillis(1))).isPresent();
        assertThat(directory.authenticate(key.plaintext(), EXPIRES)).isEmpty();
    }

    @Test
    void refuses_a_revoked_key_and_never_takes_it_back_when_an_older_state_arrives_later() {
        ApiKeyState created = state(List.of("ingest-client"), List.of());
        directory.apply(created);
        directory.apply(created.revokedBy(NOW.minusSeconds(60), "ada"));

        directory.apply(created);

        assertThat(directory.authenticate(key.plaintext(), NOW)).isEmpty();
        assertThat(directory.find(key.keyId()).orElseThrow().revokedBy()).isEqualTo("ada");
    }

    @Test
    void refuses_a_forgotten_key() {
        directory.apply(state(List.of("ingest-client"), List.of()));

        directory.forget(key.keyId());

        assertThat(directory.authenticate(key.plaintext(), NOW)).isEmpty();
    }

    @Test
    void counts_the_keys_it_knows_and_those_usable_now() {
        directory.apply(state(List.of("ingest-client"), List.of()));
        ApiKeyFormat.Generated other = ApiKeyFormat.generate(ApiKeyFormatTest.seeded(43));
        directory.apply(new ApiKeyState(1, other.keyId(), "old", other.secretSha256(), List.of("gateway"),
                List.of(), NOW.minusSeconds(1), "ada", CREATED, null, null));

        assertThat(directory.counts(NOW)).containsEntry("keys", 2).containsEntry("usable", 1L);
    }
}
