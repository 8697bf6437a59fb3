package dev.aispend.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aispend.devstack.Wait;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API keys across the running system: a key created at ingest's admin API is a bearer credential at every
 * service, with its roles and teams; once revoked, every service refuses it within a bounded wait (Kafka
 * delivers the revocation); a service started afterwards reads every key's state before it answers; and the
 * key itself is written to no service's log. The same run serves the operator's view, since it starts the whole
 * system anyway: the services log JSON lines here, as in production ({@link OperatorLogs}: a clean start-up warns of
 * nothing, a request's lines carry its id), and every metric deploy/prometheus/alerts.yml uses is in their scrapes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiKeysIT {
    private static final String RUN = "apikeys";
    /** Revocation reaches every service within this; measured, 0.5 to 2.4 s on a heavily loaded machine. */
    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static RunningSystem system;
    private static ServiceLogs logs;
    private static Map<String, Long> beforeStart;
    private static Map<String, Long> afterStart;

    @BeforeAll
    static void start() {
        logs = new ServiceLogs(RunningSystem.logDirectory(RUN), OperatorLogs.SERVICES);
        beforeStart = logs.mark();
        system = RunningSystem.start(RUN, OperatorLogs.operatorEnvironment());
        afterStart = logs.mark();
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void a_key_created_at_ingest_works_at_every_service_and_is_refused_everywhere_once_revoked() {
        JsonNode created = createKey("""
                {"name": "everywhere", "roles": ["ingest-client", "finance-auditor"], "expiresAt": "%s"}""");
        String key = created.get("key").asText();
        Map<String, Call> calls = callsOfEveryService(key);
        calls.forEach((service, call) -> Wait.until(service + " accepting the key", WITHIN,
                () -> call.status() / 100 == 2));

        JsonHttp.Response revoked = JsonHttp.call("DELETE", keyUrl(created.get("id").asText()));
        assertThat(revoked.status()).isEqualTo(200);
        long revokedAtNanos = System.nanoTime();
        calls.forEach((service, call) -> Wait.until(service + " refusing the revoked key", WITHIN,
                () -> call.status() == 401));
        System.out.printf("revocation in force at all four services after %d ms%n",
                Duration.ofNanos(System.nanoTime() - revokedAtNanos).toMillis());
        assertNotLogged(key);
    }

    @Test
    void a_team_scoped_key_reads_the_reports_of_its_own_teams_only() {
        String key = createKey("""
                {"name": "platform-dashboard", "roles": ["team-lead"], "teams": ["platform"], "expiresAt": "%s"}""")
                .get("key").asText();
        String reports = system.url("report-service") + "/v1/reports/budgets?team=";

        Wait.until("report-service accepting the key", WITHIN,
                () -> JsonHttp.get(reports + "platform", "Authorization", "Bearer " + key).status() == 200);
        assertThat(JsonHttp.get(reports + "web", "Authorization", "Bearer " + key).status()).isEqualTo(403);
        // Without a team the ask is refused too: a team-scoped caller must name one of its own.
        assertThat(JsonHttp.get(system.url("report-service") + "/v1/reports/budgets", "Authorization",
                "Bearer " + key).status()).isEqualTo(403);
        assertNotLogged(key);
    }

    @Test
    void a_service_restarted_after_keys_changed_reads_them_all_before_it_answers() {
        String kept = createKey("""
                {"name": "kept", "roles": ["finance-auditor"], "expiresAt": "%s"}""").get("key").asText();
        JsonNode gone = createKey("""
                {"name": "gone", "roles": ["finance-auditor"], "expiresAt": "%s"}""");
        assertThat(JsonHttp.call("DELETE", keyUrl(gone.get("id").asText())).status()).isEqualTo(200);

        system.crashAndRestart("report-service");

        // No wait: a healthy service has read the topic to its end.
        String budgets = system.url("report-service") + "/v1/reports/budgets";
        assertThat(JsonHttp.get(budgets, "Authorization", "Bearer " + kept).status()).isEqualTo(200);
        assertThat(JsonHttp.get(budgets, "Authorization", "Bearer " + gone.get("key").asText()).status())
                .isEqualTo(401);
        assertNotLogged(kept);
        assertNotLogged(gone.get("key").asText());
    }

    /** First, before the other tests provoke refusals: a clean start and a first use of each producer. */
    @Test
    @Order(1)
    void logs_json_lines_with_no_warning_at_a_clean_start_and_the_request_id_on_the_lines_of_a_request() {
        OperatorLogs.assertCleanStartUp(logs.between(beforeStart, afterStart));

        Map<String, Long> beforeRequest = logs.mark();
        JsonHttp.Response created = JsonHttp.send("POST", system.url("ingest-service") + "/v1/api-keys", """
                {"name": "logged", "roles": ["finance-auditor"], "expiresAt": "%s"}"""
                .formatted(Instant.now().plus(Duration.ofDays(1))), "X-Request-Id", "apikeys-logs-1");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("X-Request-Id")).isEqualTo("apikeys-logs-1");
        OperatorLogs.assertLoggedUnderRequestId(logs, beforeRequest, "ingest-service", "API key ", "apikeys-logs-1");

        // The first record through ingest, the ledger and its publication: every Kafka producer has sent once.
        assertThat(JsonHttp.post(system.url("ingest-service") + "/v1/usage", """
                {"id": "logs-1", "occurredAt": "%s", "team": "platform", "person": "alice@example.com",
                 "model": "claude-sonnet-4-5", "inputTokens": 10, "outputTokens": 1}""".formatted(Instant.now()))
                .status()).isEqualTo(202);
        Wait.until("the ledger publishing its first entry", WITHIN, () -> JsonHttp.get(system.url("ledger-service")
                + "/v1/ledger/head").body().get("lastPublishedPosition").asLong() >= 1);
        OperatorLogs.assertQuiet(logs.between(beforeStart, logs.mark()));
    }

    @Test
    void answers_every_request_with_its_id_and_a_problem_with_it_in_the_body() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        for (String service : OperatorLogs.SERVICES) {
            JsonHttp.Response health = JsonHttp.get(system.url(service) + "/health",
                    "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
            assertThat(health.header("X-Request-Id")).as(service).isEqualTo(traceId);
        }
        JsonHttp.Response refused = JsonHttp.send("POST", system.url("ingest-service") + "/v1/api-keys",
                "{\"name\": \"no roles\"}", "X-Request-Id", "alice@example.com");
        assertThat(refused.status()).isEqualTo(400);
        // A caller's id that is not a plain token (this one could put an address in the log) is replaced by a fresh one.
        assertThat(refused.header("X-Request-Id")).matches("[0-9a-f]{32}");
        assertThat(refused.body().get("requestId").asText()).isEqualTo(refused.header("X-Request-Id"));
    }

    @Test
    void the_alert_rules_name_only_metrics_the_services_export() {
        Set<String> used = PrometheusNames.usedByTheAlertRules();
        assertThat(used).contains("aispend_kafka_consumer_lag", "aispend_ledger_leader");
        // The verification gauges show once a verification ran (absent before, not a made-up value).
        assertThat(JsonHttp.get(system.url("ledger-service") + "/v1/ledger/verify").status()).isEqualTo(200);
        Set<String> exported = new TreeSet<>();
        Wait.until("every service's scrape with its consumer groups' lag", WITHIN, () -> {
            exported.clear();
            OperatorLogs.SERVICES.forEach(service -> exported.addAll(PrometheusNames.exportedBy(system.url(service))));
            return exported.contains("aispend_kafka_consumer_lag");
        });
        assertThat(exported).as("what the services export").containsAll(used);
    }

    /** One request of each service that a key with ingest-client and finance-auditor may make. */
    private static Map<String, Call> callsOfEveryService(String key) {
        String bearer = "Bearer " + key;
        String usage = """
                {"id": "api-key-%s", "occurredAt": "%s", "team": "platform", "person": "alice@example.com",
                 "model": "claude-sonnet-4-5", "inputTokens": 10, "outputTokens": 1}""";
        return Map.of(
                "ingest-service", () -> JsonHttp.send("POST", system.url("ingest-service") + "/v1/usage",
                        usage.formatted(System.nanoTime(), Instant.now()), "Authorization", bearer).status(),
                "ledger-service", () -> JsonHttp.get(system.url("ledger-service") + "/v1/ledger/head",
                        "Authorization", bearer).status(),
                "policy-service", () -> JsonHttp.get(system.url("policy-service") + "/v1/rate-cards",
                        "Authorization", bearer).status(),
                "report-service", () -> JsonHttp.get(system.url("report-service") + "/v1/reports/budgets",
                        "Authorization", bearer).status());
    }

    /** Creates a key with the tests' all-roles token (an admin); {@code json} has a %s for the expiry. */
    private static JsonNode createKey(String json) {
        JsonHttp.Response created = JsonHttp.post(system.url("ingest-service") + "/v1/api-keys",
                json.formatted(Instant.now().plus(Duration.ofDays(1))));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body();
    }

    private static String keyUrl(String id) {
        return system.url("ingest-service") + "/v1/api-keys/" + id;
    }

    /** Neither the key nor its secret part in any line any service logged in this run. */
    private static void assertNotLogged(String key) {
        // ask_<hex id>_<secret>: the secret follows the first '_' after the prefix (it may itself contain '_').
        String secret = key.substring(key.indexOf('_', "ask_".length()) + 1);
        List<Path> logs = logFiles();
        assertThat(logs).as("service logs of this run").isNotEmpty();
        for (Path log : logs) {
            try {
                assertThat(Files.readString(log)).as(log.toString()).doesNotContain(key).doesNotContain(secret);
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        }
    }

    private static List<Path> logFiles() {
        Path root = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();
        try (Stream<Path> files = Files.list(root.resolve("system-tests/target/service-logs/" + RUN))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".log")).toList();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    @FunctionalInterface
    private interface Call {
        int status();
    }
}
