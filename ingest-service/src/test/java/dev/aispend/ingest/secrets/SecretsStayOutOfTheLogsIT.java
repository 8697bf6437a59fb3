package dev.aispend.ingest.secrets;

import dev.aispend.ingest.IngestHttp;
import dev.aispend.ingest.IngestTestProperties;
import dev.aispend.platform.secrets.SecretFiles;
import dev.aispend.testsupport.TestInfrastructure;
import dev.aispend.testsupport.TestPostgres;
import dev.aispend.testsupport.logging.LogCapture;
import dev.aispend.testsupport.logging.SecretLeaks;
import dev.aispend.testsupport.security.TestIssuer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * No secret ingest-service holds (database password, pseudonym key, webhook secrets, service credential), nor a
 * caller's token, appears in what it logs with its own logging configuration at LOG_LEVEL=TRACE, while it starts
 * (the beans Micronaut creates, Hikari's configuration dump, Flyway, the Kafka producer), serves (a usage record
 * pseudonymized, webhook deliveries verified and refused, a forged token refused) and stops; nor when it cannot
 * start, in the log or in the exception that stops it.
 */
class SecretsStayOutOfTheLogsIT {
    /** A caller's credential is a secret too: a log must not show the bearer token a request carried. */
    private static final String CALLER_TOKEN = TestIssuer.token("secrets-probe", "ingest-client");
    /** A bearer credential that is not a JWT, as an API key is. */
    private static final String OPAQUE_CREDENTIAL = "opaque-credential-6d2f8a-never-logged";
    /** Refused (its signature is not the issuer's), but as much a credential as any: a rotation refuses real ones. */
    private static final String UNTRUSTED_TOKEN = CALLER_TOKEN.substring(0, CALLER_TOKEN.lastIndexOf('.') + 1)
            + "AAAA" + CALLER_TOKEN.substring(CALLER_TOKEN.lastIndexOf('.') + 5);

    @Test
    void logs_no_secret_while_starting_serving_and_stopping() {
        List<String> lines;
        try (LogCapture logs = LogCapture.configuredBeside(SecretFiles.class)) {
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                    properties("secrets-logs-it.", Map.of()), Environment.TEST)) {
                serveWhatTouchesEverySecret(server.getApplicationContext().getBean(IngestHttp.class));
            }
            lines = logs.lines();
        }

        assertThat(lines).as("the configuration dumps were logged, and so scanned")
                .anyMatch(line -> line.contains("com.zaxxer.hikari.HikariConfig") && line.contains("password"))
                .anyMatch(line -> line.contains("Created bean [IngestConfiguration[pseudonymKey=<redacted>"));
        assertNoSecretIn(lines);
    }

    @Test
    void names_no_secret_when_the_database_cannot_be_reached_at_start() {
        String closedDatabase = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/ingest";
        List<String> lines;
        Throwable failure;
        try (LogCapture logs = LogCapture.configuredBeside(SecretFiles.class)) {
            failure = catchThrowable(() -> ApplicationContext.run(EmbeddedServer.class, properties(
                    "secrets-nodb-it.", Map.of("datasources.default.url", closedDatabase,
                            "datasources.default.connection-timeout", "500")), Environment.TEST).close());
            lines = logs.lines();
        }

        assertThat(failure).as("the start failed").isNotNull();
        assertNoSecretIn(lines);
        assertNoSecretIn(List.of(SecretLeaks.textOf(failure)));
    }

    @Test
    void names_no_secret_when_a_request_fails_on_a_pseudonym_key_that_is_not_base64() {
        String unusableKey = "not-base64-pseudonym-9d14c6-never-logged";
        List<String> lines;
        int answer;
        try (LogCapture logs = LogCapture.configuredBeside(SecretFiles.class)) {
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties(
                    "secrets-badkey-it.", Map.of("ingest.pseudonym-key", unusableKey)), Environment.TEST)) {
                answer = server.getApplicationContext().getBean(IngestHttp.class)
                        .exchange(usage("secrets-badkey-1", CALLER_TOKEN)).code();
            }
            lines = logs.lines();
        }

        assertThat(answer).isEqualTo(500);
        assertThat(lines).as("the failure was logged, and so scanned")
                .anyMatch(line -> line.startsWith("ERROR") && line.contains("Illegal base64"))
                .noneMatch(line -> line.contains(unusableKey));
        assertNoSecretIn(lines);
    }

    private static void serveWhatTouchesEverySecret(IngestHttp http) {
        assertThat(http.exchange(usage("secrets-logs-1", CALLER_TOKEN)).code()).isEqualTo(202);
        assertThat(http.exchange(WebhookPings.signedWith(IngestSecrets.WEBHOOK_OLD_SECRET, "secrets-ping-1")).code())
                .isEqualTo(200);
        assertThat(http.exchange(WebhookPings.signedWith("not-our-secret", "secrets-ping-2")).code())
                .isEqualTo(401);
        assertThat(http.exchange(usage("secrets-logs-2", UNTRUSTED_TOKEN)).code()).isEqualTo(401);
        assertThat(http.exchange(usage("secrets-logs-3", OPAQUE_CREDENTIAL)).code()).isEqualTo(401);
    }

    private static HttpRequest<String> usage(String id, String token) {
        String json = """
                {"id": "%s", "occurredAt": "%s", "team": "platform", "person": "alice@example.com", \
                "model": "claude-sonnet-4-5", "inputTokens": 12, "outputTokens": 3}""".formatted(id, Instant.now());
        return HttpRequest.POST("/v1/usage", json).contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(token);
    }

    private static Map<String, Object> properties(String topicPrefix, Map<String, String> settings) {
        Map<String, String> properties = IngestTestProperties.of(topicPrefix, IngestSecrets.properties());
        TestPostgres postgres = TestInfrastructure.postgres();
        postgres.giveDatabaseTo(properties.get("datasources.default.url"), IngestSecrets.DATABASE_ROLE,
                IngestSecrets.DATABASE_PASSWORD);
        properties.putAll(settings);
        return Map.copyOf(properties);
    }

    private static void assertNoSecretIn(List<String> lines) {
        Map<String, String> secrets = new LinkedHashMap<>(IngestSecrets.searchable());
        secrets.put("the caller's bearer token", CALLER_TOKEN);
        secrets.put("a refused bearer token", UNTRUSTED_TOKEN);
        secrets.put("a bearer credential that is not a JWT", OPAQUE_CREDENTIAL);
        SecretLeaks.assertNoneIn(lines, secrets);
    }

    /** A port nothing listens on: bound, then closed. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
