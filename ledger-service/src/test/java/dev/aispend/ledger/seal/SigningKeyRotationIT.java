package dev.aispend.ledger.seal;

import dev.aispend.contracts.Topics;
import dev.aispend.contracts.usage.UsageRecord;
import dev.aispend.devstack.Wait;
import dev.aispend.ledger.IntakeSender;
import dev.aispend.ledger.LedgerTestProperties;
import dev.aispend.ledger.TestSigningKeys;
import dev.aispend.ledger.UsageMother;
import dev.aispend.ledger.entries.LedgerEntryStore;
import dev.aispend.testsupport.TestInfrastructure;
import dev.aispend.testsupport.TestPostgres;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rotating the checkpoint signing key: the ledger is restarted with a new key and the old public key in
 * LEDGER_SIGNING_PREVIOUS_PUBLIC_KEYS. Checkpoints signed before still verify (each names its key by keyId), the
 * public-key answer lists the old key for auditors, and without it the old checkpoints are reported as signed by
 * an untrusted key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SigningKeyRotationIT {
    private static final String TOPIC_PREFIX = "seal-rotation-it.";
    private static final TestSigningKeys OLD_KEYS = TestSigningKeys.fromSeed(2025);
    private static final TestSigningKeys NEW_KEYS = TestSigningKeys.fromSeed(2026);

    private final Map<String, String> properties = new HashMap<>();
    private String oldKeyId;
    private String newKeyId;

    @BeforeAll
    void signACheckpointWithTheOldKeyThenOneWithTheNew() throws Exception {
        TestPostgres postgres = TestInfrastructure.postgres();
        String jdbcUrl = postgres.createDatabase("ledger_seal_rotation");
        properties.putAll(LedgerTestProperties.of(postgres, jdbcUrl, TOPIC_PREFIX, "seal-rotation-it"));
        // Checkpoints only when the test asks.
        properties.put("ledger.seal.checkpoint-every-entries", "1000000000");
        properties.put("ledger.seal.checkpoint-every", "1h");
        try (Ledger ledger = start(OLD_KEYS, "")) {
            ledger.recordUsage("rotation-1", 1);
            oldKeyId = (String) ledger.post("/v1/ledger/checkpoints").get("keyId");
        }
        try (Ledger ledger = start(NEW_KEYS, OLD_KEYS.publicKey())) {
            ledger.recordUsage("rotation-2", 2);
            newKeyId = (String) ledger.post("/v1/ledger/checkpoints").get("keyId");
        }
        assertThat(newKeyId).isNotEqualTo(oldKeyId);
    }

    @Test
    void verifies_the_checkpoints_signed_before_the_rotation_with_the_previous_key() throws Exception {
        try (Ledger ledger = start(NEW_KEYS, OLD_KEYS.publicKey())) {
            assertThat(ledger.get("/v1/ledger/verify")).containsEntry("verified", true)
                    .containsEntry("checkpointsVerified", 2);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void lists_the_previous_key_by_its_key_id_beside_the_current_one() throws Exception {
        try (Ledger ledger = start(NEW_KEYS, OLD_KEYS.publicKey())) {
            Map<String, Object> answer = ledger.get("/v1/ledger/public-key");

            assertThat(answer).containsEntry("keyId", newKeyId).containsEntry("publicKey", NEW_KEYS.publicKey());
            assertThat((List<Map<String, Object>>) answer.get("previousKeys")).singleElement()
                    .satisfies(previous -> assertThat(previous).containsEntry("keyId", oldKeyId)
                            .containsEntry("publicKey", OLD_KEYS.publicKey()).containsKey("pem"));
        }
    }

    @Test
    void reports_a_checkpoint_signed_by_a_key_it_no_longer_lists_as_untrusted() throws Exception {
        try (Ledger ledger = start(NEW_KEYS, "")) {
            assertThat(ledger.get("/v1/ledger/verify")).containsEntry("verified", false)
                    .containsEntry("damage", VerificationReport.BAD_SIGNATURE).containsEntry("firstBadPosition", 1);
        }
    }

    private Ledger start(TestSigningKeys keys, String previousPublicKeys) {
        Map<String, Object> settings = new HashMap<>(properties);
        settings.put("ledger.seal.private-key", keys.privateKey());
        settings.put("ledger.seal.public-key", keys.publicKey());
        settings.put("ledger.seal.previous-public-keys", previousPublicKeys);
        return new Ledger(ApplicationContext.run(EmbeddedServer.class, settings, Environment.TEST));
    }

    /** One run of the ledger service, and what the test asks it. */
    private record Ledger(EmbeddedServer server) implements AutoCloseable {

        void recordUsage(String id, long position) throws Exception {
            UsageRecord record = UsageMother.record(id, "platform", 10, 1);
            try (IntakeSender sender = new IntakeSender(TestInfrastructure.kafka().bootstrapServers(),
                    server.getApplicationContext().getBean(JsonMapper.class))) {
                sender.send(TOPIC_PREFIX + Topics.USAGE_V1, record.team(), record);
            }
            LedgerEntryStore entries = server.getApplicationContext().getBean(LedgerEntryStore.class);
            Wait.until("the ledger recorded position " + position, Duration.ofSeconds(60),
                    () -> entries.head().lastPosition() >= position);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> get(String path) {
            try (HttpClient http = client()) {
                return http.toBlocking().retrieve(HttpRequest.GET(path), Map.class);
            }
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> post(String path) {
            try (HttpClient http = client()) {
                return http.toBlocking().retrieve(HttpRequest.POST(path, ""), Map.class);
            }
        }

        /** Through the service's own context, so the test's caller (all roles) is authenticated. */
        private HttpClient client() {
            return server.getApplicationContext().createBean(HttpClient.class, server.getURL());
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
