package dev.aispend.ledger.secrets;

import dev.aispend.contracts.Topics;
import dev.aispend.contracts.usage.UsageRecord;
import dev.aispend.devstack.Wait;
import dev.aispend.ledger.IntakeSender;
import dev.aispend.ledger.LedgerTestProperties;
import dev.aispend.ledger.TestSigningKeys;
import dev.aispend.ledger.UsageMother;
import dev.aispend.ledger.entries.LedgerEntryStore;
import dev.aispend.platform.secrets.SecretFiles;
import dev.aispend.testsupport.TestInfrastructure;
import dev.aispend.testsupport.TestPostgres;
import dev.aispend.testsupport.logging.LogCapture;
import dev.aispend.testsupport.logging.SecretLeaks;
import dev.aispend.testsupport.security.TestIssuer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * No secret ledger-service holds (its checkpoint signing key, database password, service credential), nor a
 * caller's token, appears in what it logs with its own logging configuration at LOG_LEVEL=TRACE, while it starts,
 * signs a checkpoint and stops; nor, when its key pair does not match, in the log or the exception that stops it.
 */
class SecretsStayOutOfTheLogsIT {
    private static final String DATABASE_ROLE = "ledger_secrets_probe";
    private static final String DATABASE_PASSWORD = "dbpass-2e6b41-never-logged";
    private static final String LEDGER_CREDENTIAL = "ledger-credential-a90f35-never-logged";
    private static final TestSigningKeys SIGNING_KEYS = TestSigningKeys.fromSeed(41);
    private static final TestSigningKeys OTHER_KEYS = TestSigningKeys.fromSeed(42);
    private static final String CALLER_TOKEN = TestIssuer.token("secrets-probe", "compliance-officer");

    @Test
    void logs_no_secret_while_starting_signing_a_checkpoint_and_stopping() throws Exception {
        List<String> lines;
        try (LogCapture logs = LogCapture.configuredBeside(SecretFiles.class)) {
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                    properties("ledger-secrets-it.", SIGNING_KEYS), Environment.TEST);
                 HttpClient http = HttpClient.create(server.getURL())) {
                recordOneUsage(server.getApplicationContext(), "ledger-secrets-it.");
                http.toBlocking().exchange(HttpRequest.POST("/v1/ledger/checkpoints", "").bearerAuth(CALLER_TOKEN));
                http.toBlocking().exchange(HttpRequest.GET("/v1/ledger/verify").bearerAuth(CALLER_TOKEN));
            }
            lines = logs.lines();
        }

        assertThat(lines).as("the configuration was logged, and so scanned")
                .anyMatch(line -> line.contains("com.zaxxer.hikari.HikariConfig") && line.contains("password"))
                .anyMatch(line -> line.contains("Created bean [SealConfiguration[") && line.contains("<redacted>"));
        assertNoSecretIn(lines);
    }

    @Test
    void names_no_secret_when_the_signing_key_pair_does_not_match() {
        TestSigningKeys mismatched = new TestSigningKeys(SIGNING_KEYS.privateKey(), OTHER_KEYS.publicKey());
        List<String> lines;
        Throwable failure;
        try (LogCapture logs = LogCapture.configuredBeside(SecretFiles.class)) {
            failure = catchThrowable(() -> ApplicationContext.run(EmbeddedServer.class,
                    properties("ledger-secrets-mismatch-it.", mismatched), Environment.TEST).close());
            lines = logs.lines();
        }

        assertThat(SecretLeaks.textOf(failure)).contains("does not match the private key");
        assertNoSecretIn(lines);
        assertNoSecretIn(List.of(SecretLeaks.textOf(failure)));
    }

    /** Through the real intake, so there is an entry for the checkpoint to sign. */
    private static void recordOneUsage(ApplicationContext context, String topicPrefix) throws Exception {
        UsageRecord record = UsageMother.record("secrets-1", "platform", 1, 1);
        try (IntakeSender sender = new IntakeSender(TestInfrastructure.kafka().bootstrapServers(),
                context.getBean(JsonMapper.class))) {
            sender.send(topicPrefix + Topics.USAGE_V1, record.team(), record);
        }
        LedgerEntryStore entries = context.getBean(LedgerEntryStore.class);
        Wait.until("the ledger recorded the usage", Duration.ofSeconds(60), () -> entries.head().lastPosition() >= 1);
    }

    private static Map<String, Object> properties(String topicPrefix, TestSigningKeys keys) {
        TestPostgres postgres = TestInfrastructure.postgres();
        String jdbcUrl = postgres.createDatabase(topicPrefix.replace(".", ""));
        postgres.giveDatabaseTo(jdbcUrl, DATABASE_ROLE, DATABASE_PASSWORD);
        Map<String, String> properties = new HashMap<>(LedgerTestProperties.of(postgres, jdbcUrl, topicPrefix,
                topicPrefix + "group"));
        properties.put("datasources.default.username", DATABASE_ROLE);
        properties.put("datasources.default.password", DATABASE_PASSWORD);
        properties.put("ledger.seal.private-key", keys.privateKey());
        properties.put("ledger.seal.public-key", keys.publicKey());
        properties.put("auth.ledger-credential", LEDGER_CREDENTIAL);
        return Map.copyOf(properties);
    }

    private static void assertNoSecretIn(List<String> lines) {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("DB_PASSWORD", DATABASE_PASSWORD);
        secrets.put("LEDGER_SIGNING_PRIVATE_KEY", SIGNING_KEYS.privateKey());
        // The key's bytes follow a 16-byte header: its end is found even where the base64 is cut differently.
        secrets.put("LEDGER_SIGNING_PRIVATE_KEY (its end)", SIGNING_KEYS.privateKey().substring(24));
        secrets.put("AUTH_LEDGER_CREDENTIAL", LEDGER_CREDENTIAL);
        secrets.put("the caller's bearer token", CALLER_TOKEN);
        SecretLeaks.assertNoneIn(lines, secrets);
    }
}
