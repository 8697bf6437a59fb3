package dev.aispend.policy.rules;

import dev.aispend.testsupport.security.TestIssuer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aispend.contracts.ledger.PolicyChangeRejected;
import dev.aispend.contracts.ledger.PolicyChanged;
import dev.aispend.contracts.ledger.SpendRecorded;
import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.testsupport.KafkaProbe;
import dev.aispend.testsupport.ledger.LedgerFollowerFixture;
import dev.aispend.testsupport.ledger.SpendMother;
import dev.aispend.testsupport.ledger.TestLedger;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * policy-service against real PostgreSQL and Kafka, with this test in the ledger's place: it reads the change
 * requests the API sends and publishes the entries the ledger would record for them. Shows the API's answers
 * (400 naming fields with nothing sent, 428, 202 then the status link, the recorded version with its ETag and
 * history, 412 from a ledger rejection) and the evaluator's decisions on decisions.v1, the same again after a
 * rebuild.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicyApiIT implements TestPropertyProvider {
    private static final Instant NOVEMBER = Instant.parse("2026-11-10T09:00:00Z");
    private static final String BUDGET = """
            {"id": "%s", "name": "Platform", "scope": {"team": "%s"}, "period": {"unit": "MONTH"},
             "amountUsdMicros": 1000, "softThresholdsPercent": [50], "hardCap": true}""";

    @Inject
    @Client("/")
    HttpClient http;
    private final LedgerFollowerFixture fixture = LedgerFollowerFixture.create("policy");
    private final TestLedger ledger = fixture.ledger();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = PolicyTestTopics.propertiesWithTopics(fixture);
        // Nobody answers unless the test does: the API answers 202 quickly.
        properties.put("policy.changes.answer-timeout", "300ms");
        return properties;
    }

    @AfterAll
    void closeFixture() {
        fixture.close();
    }

    private String topic(String name) {
        return fixture.applicationProperties().get("kafka.topic-prefix") + name;
    }

    @Test
    void refuses_an_invalid_budget_naming_every_field_and_sends_nothing() {
        KafkaProbe requests = KafkaProbe.on(bootstrap(), topic("policy-changes.v1"));

        assertThatThrownBy(() -> http.toBlocking().exchange(HttpRequest.POST("/v1/budgets", """
                {"name": "", "scope": {"team": "platform", "tema": "x"}, "period": {"unit": "WEEK"},
                 "amountUsdMicros": -5, "softThresholdsPercent": [80, 50]}"""), String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class, refused -> {
                    assertThat(refused.getStatus().getCode()).isEqualTo(400);
                    String body = refused.getResponse().getBody(String.class).orElseThrow();
                    assertThat(body).contains("\"name\"", "scope.tema", "period.unit", "amountUsdMicros",
                            "softThresholdsPercent[1]");
                });
        assertThat(requests.recordsUntilNow(Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void an_update_without_if_match_is_428() {
        assertThatThrownBy(() -> http.toBlocking().exchange(HttpRequest.PUT("/v1/budgets/anything",
                BUDGET.formatted("anything", "platform")), String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        refused -> assertThat(refused.getStatus().getCode()).isEqualTo(428));
    }

    @Test
    void answers_202_until_the_ledger_records_the_change_then_serves_the_version_with_its_etag()
            throws IOException {
        KafkaProbe requests = KafkaProbe.on(bootstrap(), topic("policy-changes.v1"));
        HttpResponse<String> accepted = http.toBlocking().exchange(HttpRequest.POST("/v1/budgets",
                BUDGET.formatted("research-monthly", "research")).bearerAuth(TestIssuer.token("olivia", "policy-owner")), String.class);
        assertThat(accepted.getStatus().getCode()).isEqualTo(202);
        String statusPath = accepted.getHeaders().get("Location");
        assertThat(status(statusPath).get("status").asText()).isEqualTo("PENDING");

        ConsumerRecord<String, String> sent = requests.recordsSinceCreated(1, Duration.ofSeconds(30)).get(0);
        JsonNode request = TestLedger.JACKSON.readTree(sent.value());
        assertThat(request.get("actor").asText()).isEqualTo("olivia");
        assertThat(request.get("expectedVersion").asLong()).isZero();
        Map<String, Object> content = TestLedger.JACKSON.convertValue(request.get("content"), Map.class);
        fixture.publish(ledger.append(new PolicyChanged(request.get("requestId").asText(), "research-monthly",
                PolicyKind.BUDGET, 1, "olivia", content, List.of(), NOVEMBER, NOVEMBER, "a".repeat(64))));
        fixture.awaitApplied("policy");

        assertThat(status(statusPath).get("status").asText()).isEqualTo("RECORDED");
        HttpResponse<String> current = http.toBlocking().exchange("/v1/budgets/research-monthly", String.class);
        assertThat(current.getHeaders().get("ETag")).isEqualTo("\"1\"");
        JsonNode budget = TestLedger.JACKSON.readTree(current.body());
        assertThat(budget.get("amountUsdMicros").asLong()).isEqualTo(1000);
        assertThat(budget.get("period").get("timeZone").asText()).isEqualTo("UTC");
        JsonNode versions = TestLedger.JACKSON.readTree(
                http.toBlocking().retrieve("/v1/budgets/research-monthly/versions"));
        assertThat(versions.get("versions").get(0).get("actor").asText()).isEqualTo("olivia");
    }

    @Test
    void a_change_the_ledger_rejects_for_a_stale_version_is_412_at_its_status_link() throws IOException {
        fixture.publish(ledger.append(new PolicyChangeRejected("chg-stale", "finance-monthly", PolicyKind.BUDGET, 1,
                3, "mallory", Map.of(), NOVEMBER, PolicyChangeRejected.VERSION_CONFLICT, NOVEMBER,
                "b".repeat(64))));
        fixture.awaitApplied("policy");

        JsonNode status = status("/v1/policy-changes/chg-stale");
        assertThat(status.get("status").asText()).isEqualTo("REJECTED");
        assertThat(status.get("currentVersion").asLong()).isEqualTo(3);
    }

    @Test
    void spend_past_the_thresholds_sends_decisions_with_the_same_ids_again_after_a_rebuild() throws IOException {
        KafkaProbe decisions = KafkaProbe.on(bootstrap(), topic("decisions.v1"));
        Map<String, Object> content = TestLedger.JACKSON.readValue(BUDGET.formatted("ops-monthly", "ops"), Map.class);
        content.remove("id");
        content.put("period", Map.of("unit", "MONTH", "timeZone", "UTC"));
        content.put("forecastAlert", false);
        content.put("active", true);
        fixture.publish(ledger.append(new PolicyChanged("chg-ops", "ops-monthly", PolicyKind.BUDGET, 1, "olivia",
                content, List.of(), NOVEMBER, NOVEMBER, "c".repeat(64))));
        SpendRecorded half = SpendMother.priced("ops-1", "ops", "model-a", NOVEMBER.plusSeconds(60), 10, 500);
        SpendRecorded rest = SpendMother.priced("ops-2", "ops", "model-a", NOVEMBER.plusSeconds(120), 10, 500);
        fixture.publish(ledger.append(half), ledger.append(rest));
        fixture.awaitApplied("policy");

        List<String> ids = decisions.recordsSinceCreated(2, Duration.ofSeconds(30)).stream()
                .map(ConsumerRecord::value).map(PolicyApiIT::decisionId).toList();
        assertThat(ids).anyMatch(id -> id.startsWith("BUDGET_THRESHOLD_CROSSED:ops-monthly:v1:2026-11:50@"))
                .anyMatch(id -> id.startsWith("BUDGET_EXHAUSTED:ops-monthly:v1:2026-11@"));

        KafkaProbe again = KafkaProbe.on(bootstrap(), topic("decisions.v1"));
        http.toBlocking().exchange(HttpRequest.POST("/v1/projections/policy/rebuild", ""), String.class);
        fixture.awaitApplied("policy");
        List<String> rebuilt = again.recordsSinceCreated(ids.size(), Duration.ofSeconds(30)).stream()
                .map(ConsumerRecord::value).map(PolicyApiIT::decisionId).toList();
        assertThat(rebuilt).containsAll(ids);
    }

    private JsonNode status(String path) throws IOException {
        return TestLedger.JACKSON.readTree(http.toBlocking().retrieve(path));
    }

    private static String decisionId(String json) {
        try {
            return TestLedger.JACKSON.readTree(json).get("decisionId").asText();
        } catch (IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private String bootstrap() {
        return fixture.applicationProperties().get("kafka.bootstrap.servers");
    }

}
