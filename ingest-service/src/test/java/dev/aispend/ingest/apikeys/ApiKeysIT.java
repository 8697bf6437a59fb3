package dev.aispend.ingest.apikeys;

import dev.aispend.contracts.Topics;
import dev.aispend.contracts.security.ApiKeyState;
import dev.aispend.devstack.Wait;
import dev.aispend.ingest.IngestIntegration;
import dev.aispend.platform.security.apikey.ApiKeyFormat;
import dev.aispend.testsupport.KafkaProbe;
import dev.aispend.testsupport.TestInfrastructure;
import dev.aispend.testsupport.security.TestIssuer;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static dev.aispend.ingest.IngestHttp.assertProblem;
import static dev.aispend.ingest.IngestHttp.body;
import static org.assertj.core.api.Assertions.assertThat;

/** API keys through the admin API, used as bearer tokens, against a real PostgreSQL and a real Kafka broker. */
@MicronautTest
class ApiKeysIT extends IngestIntegration {
    private static final String PREFIX = "api-keys-it.";
    /** Revocation and expiry are in force within this; Kafka delivers in milliseconds. */
    private static final Duration WITHIN = Duration.ofSeconds(20);
    private static final Duration KAFKA_WAIT = Duration.ofSeconds(10);

    @Inject
    ApiKeyHttp keys;
    @Inject
    JsonMapper json;

    ApiKeysIT() {
        super(PREFIX);
    }

    @Test
    void creates_a_key_that_records_usage_at_once_and_publishes_its_hash_but_never_the_key() {
        KafkaProbe probe = probe(Topics.API_KEYS_V1);

        HttpResponse<String> created = keys.create("""
                {"name": "ci-importer", "roles": ["ingest-client"], "expiresAt": "%s"}"""
                .formatted(Instant.now().plus(Duration.ofDays(30))));

        assertThat(created.code()).as(body(created)).isEqualTo(201);
        assertThat(created.header("Cache-Control")).isEqualTo("no-store");
        JsonNode answer = keys.parse(body(created));
        String id = answer.get("id").getStringValue();
        String key = answer.get("key").getStringValue();
        assertThat(key).startsWith("ask_" + id + "_");
        assertThat(created.header("Location")).isEqualTo("/v1/api-keys/" + id);
        assertThat(answer.get("createdBy").getStringValue()).isEqualTo("test-all-roles");
        assertThat(keys.submitUsage("api-key-usage-1", key).code()).isEqualTo(202);
        List<ConsumerRecord<String, String>> published = probe.recordsSinceCreated(1, KAFKA_WAIT);
        assertThat(published).hasSize(1);
        assertThat(published.get(0).key()).isEqualTo(id);
        String secret = ApiKeyFormat.parse(key).orElseThrow().secret();
        assertThat(published.get(0).value()).doesNotContain(secret)
                .contains("\"secretSha256\":\"" + ApiKeyFormat.sha256Hex(secret) + "\"");
    }

    @Test
    void lists_and_shows_keys_without_their_secret_or_its_hash() {
        JsonNode created = keys.createdKey("lister", "\"gateway\"", Duration.ofDays(1));
        String id = created.get("id").getStringValue();
        String secret = ApiKeyFormat.parse(created.get("key").getStringValue()).orElseThrow().secret();

        String listed = body(keys.get(ApiKeyHttp.KEYS + "?limit=1000"));
        String shown = body(keys.get(ApiKeyHttp.KEYS + "/" + id));

        assertThat(listed).contains("\"id\":\"" + id + "\"", "\"status\":\"active\"");
        assertThat(shown).contains("\"id\":\"" + id + "\"", "\"name\":\"lister\"", "\"roles\":[\"gateway\"]");
        for (String text : List.of(listed, shown)) {
            assertThat(text).doesNotContain(secret, ApiKeyFormat.sha256Hex(secret), "\"key\"", "secretSha256");
        }
    }

    @Test
    void refuses_a_revoked_key_and_answers_a_second_revocation_unchanged() {
        JsonNode created = keys.createdKey("to-revoke", "\"ingest-client\"", Duration.ofDays(1));
        String id = created.get("id").getStringValue();
        String key = created.get("key").getStringValue();
        assertThat(keys.submitUsage("api-key-revoke-1", key).code()).isEqualTo(202);

        HttpResponse<String> revoked = keys.revoke(id);

        assertThat(revoked.code()).as(body(revoked)).isEqualTo(200);
        assertThat(body(revoked)).contains("\"status\":\"revoked\"", "\"revokedBy\":\"test-all-roles\"");
        Wait.until("the revoked key refused", WITHIN,
                () -> keys.submitUsage("api-key-revoke-2", key).code() == 401);
        HttpResponse<String> again = keys.revoke(id);
        assertThat(again.code()).isEqualTo(200);
        assertThat(keys.parse(body(again)).get("revokedAt").getStringValue())
                .isEqualTo(keys.parse(body(revoked)).get("revokedAt").getStringValue());
    }

    @Test
    void refuses_a_key_once_it_expired() {
        JsonNode created = keys.createdKey("short-lived", "\"ingest-client\"", Duration.ofSeconds(5));
        String key = created.get("key").getStringValue();
        assertThat(keys.submitUsage("api-key-expiry-1", key).code()).isEqualTo(202);

        Wait.until("the expired key refused", WITHIN,
                () -> keys.submitUsage("api-key-expiry-2", key).code() == 401);

        assertThat(body(keys.get(ApiKeyHttp.KEYS + "/" + created.get("id").getStringValue())))
                .contains("\"status\":\"expired\"");
    }

    @Test
    void gives_a_key_only_its_own_roles() {
        String key = keys.createdKey("ingest-only", "\"ingest-client\"", Duration.ofDays(1)).get("key")
                .getStringValue();

        HttpResponse<String> refused = keys.get(ApiKeyHttp.KEYS, "Bearer " + key);
        assertThat(refused.code()).isEqualTo(HttpStatus.FORBIDDEN.getCode());
        assertThat(body(refused)).contains("roles do not admit this request");
    }

    @Test
    void refuses_a_team_scoped_role_without_teams_naming_the_field_and_creates_nothing() {
        KafkaProbe probe = probe(Topics.API_KEYS_V1);

        HttpResponse<String> refused = keys.create("""
                {"name": "team-reader", "roles": ["team-member"], "expiresAt": "%s"}"""
                .formatted(Instant.now().plus(Duration.ofDays(1))));

        assertProblem(refused, HttpStatus.BAD_REQUEST, "\"field\":\"teams\"");
        assertThat(probe.endOffsetsUnchanged()).isTrue();
    }

    @Test
    void admits_only_admins_to_the_admin_api() {
        String ingestClient = "Bearer " + TestIssuer.token("not-an-admin", "ingest-client", "finance-auditor");

        assertThat(keys.get(ApiKeyHttp.KEYS, ingestClient).code()).isEqualTo(HttpStatus.FORBIDDEN.getCode());
        assertThat(keys.get(ApiKeyHttp.KEYS, "none").code()).isEqualTo(HttpStatus.UNAUTHORIZED.getCode());
    }

    @Test
    void answers_404_for_an_unknown_or_malformed_id() {
        assertProblem(keys.get(ApiKeyHttp.KEYS + "/0123456789abcdef01234567"), HttpStatus.NOT_FOUND,
                "there is no API key 0123456789abcdef01234567");
        assertProblem(keys.revoke("not-a-key-id"), HttpStatus.NOT_FOUND, "there is no API key with this id");
    }

    /**
     * The path every other service takes: states read from api-keys.v1 (here published by the test, as another
     * ingest instance would). An unreadable state refuses the key rather than trusting the last readable one. The
     * key ends forgotten by a tombstone, so a later run of this test, with the same seeded key on a broker that
     * kept the topic, starts from a key that may be accepted again.
     */
    @Test
    void accepts_a_key_whose_state_arrives_on_the_topic_and_refuses_it_after_an_unreadable_state_or_a_tombstone()
            throws IOException {
        ApiKeyFormat.Generated generated = ApiKeyFormat.generate(seeded(11));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String state = json.writeValueAsString(new ApiKeyState(ApiKeyState.SCHEMA_VERSION, generated.keyId(),
                "from-another-ingest", generated.secretSha256(), List.of("ingest-client"), List.of(),
                now.plus(Duration.ofDays(1)), "elsewhere", now, null, null));

        publish(generated.keyId(), state);
        awaitUsageAnswered(generated.plaintext(), 202, "the key read from the topic");
        publish(generated.keyId(), "{\"schemaVersion\": 1, \"keyId\": ");
        awaitUsageAnswered(generated.plaintext(), 401, "the key refused after an unreadable state");
        publish(generated.keyId(), state);
        awaitUsageAnswered(generated.plaintext(), 202, "the key read again");
        publish(generated.keyId(), null);
        awaitUsageAnswered(generated.plaintext(), 401, "the key forgotten after a tombstone");
    }

    private void awaitUsageAnswered(String key, int status, String what) {
        Wait.until(what, WITHIN,
                () -> keys.submitUsage("api-key-topic-" + System.nanoTime(), key).code() == status);
    }

    private void publish(String keyId, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(PREFIX + Topics.API_KEYS_V1, keyId, value))
                    .get(KAFKA_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException failure) {
            throw new IllegalStateException("could not publish the key's state", failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** A deterministic generator: SHA1PRNG seeded before its first use yields the same bytes every run. */
    private static SecureRandom seeded(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException(missing);
        }
    }
}
