package dev.aispend.policy.ruleapi;

import dev.aispend.testsupport.security.TestIssuer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aispend.contracts.ledger.LedgerPayload;
import dev.aispend.contracts.ledger.PolicyChangeRejected;
import dev.aispend.contracts.ledger.PolicyChanged;
import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.policy.rules.PolicyTestTopics;
import dev.aispend.testsupport.KafkaProbe;
import dev.aispend.testsupport.ledger.LedgerFollowerFixture;
import dev.aispend.testsupport.ledger.TestLedger;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import static dev.aispend.testsupport.ledger.TestLedger.JACKSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code /v1/badges} against real PostgreSQL and Kafka, with this test in the ledger's place: it reads each change
 * request the API sends and publishes the entry the ledger would record for it while the request waits for the
 * answer. A badge is created (201, ETag "1"), changed with If-Match (200, ETag "2"), a change from a stale read is
 * 412, a metric of tokens used is refused naming {@code metric} with nothing sent, and the versions are listed.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadgeApiIT implements TestPropertyProvider {
    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final Instant NOVEMBER = Instant.parse("2026-11-24T09:00:00Z");
    private static final String BADGE = """
            {"id": "badge-merges", "name": "Merges", "phase": "OUTCOME", "metric": "MERGED_AI_PRS",
             "window": "MONTH", "tiers": {"BRONZE": %d, "SILVER": 5}}""";

    @Inject
    @Client("/")
    HttpClient http;
    private final LedgerFollowerFixture fixture = LedgerFollowerFixture.create("policy");
    private final TestLedger ledger = fixture.ledger();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = PolicyTestTopics.propertiesWithTopics(fixture);
        // The request waits for this test's ledger answer, as it waits for the ledger's.
        properties.put("policy.changes.answer-timeout", "8s");
        return properties;
    }

    @AfterAll
    void closeFixture() {
        fixture.close();
    }

    @Test
    void creates_changes_with_if_match_refuses_a_stale_change_and_lists_the_versions() throws IOException {
        HttpResponse<?> created = answeredByLedger(HttpRequest.POST("/v1/badges", BADGE.formatted(1))
                .bearerAuth(TestIssuer.token("olivia", "policy-owner")), request -> recorded(request, 1));
        assertThat(created.getStatus().getCode()).isEqualTo(201);
        assertThat(created.getHeaders().get("ETag")).isEqualTo("\"1\"");
        JsonNode badge = JACKSON.readTree(created.getBody(String.class).orElseThrow());
        assertThat(badge.get("minimumMergedPrs").asLong()).isEqualTo(1);
        assertThat(badge.get("timeZone").asText()).isEqualTo("UTC");

        HttpResponse<?> changed = answeredByLedger(HttpRequest.PUT("/v1/badges/badge-merges", BADGE.formatted(2))
                .header("If-Match", "\"1\"").bearerAuth(TestIssuer.token("olivia", "policy-owner")), request -> recorded(request, 2));
        assertThat(changed.getStatus().getCode()).isEqualTo(200);
        assertThat(changed.getHeaders().get("ETag")).isEqualTo("\"2\"");

        HttpResponse<?> stale = answeredByLedger(HttpRequest.PUT("/v1/badges/badge-merges", BADGE.formatted(3))
                .header("If-Match", "\"1\"").bearerAuth(TestIssuer.token("mallory", "policy-owner")), BadgeApiIT::versionConflict);
        assertThat(stale.getStatus().getCode()).isEqualTo(412);

        JsonNode versions = JACKSON.readTree(http.toBlocking().retrieve("/v1/badges/badge-merges/versions"));
        assertThat(versions.get("versions")).hasSize(2);
        assertThat(versions.get("versions").get(1).get("content").get("tiers").get("BRONZE").asLong()).isEqualTo(2);
        assertThat(versions.get("versions").get(0).get("actor").asText()).isEqualTo("olivia");
        JsonNode list = JACKSON.readTree(http.toBlocking().retrieve("/v1/badges"));
        assertThat(list.get("badges").findValuesAsText("id")).contains("badge-merges");
    }

    @Test
    void refuses_a_metric_of_tokens_used_naming_metric_and_sends_nothing() {
        KafkaProbe requests = KafkaProbe.on(bootstrap(), topic("policy-changes.v1"));

        assertThatThrownBy(() -> http.toBlocking().exchange(HttpRequest.POST("/v1/badges", """
                {"name": "Token legend", "phase": "EXPLORATION", "metric": "TOKENS_USED", "window": "MONTH",
                 "tiers": {"BRONZE": 1000000}}"""), String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class, refused -> {
                    // Content refused before anything is sent is a 400 naming the field, as for budgets.
                    assertThat(refused.getStatus().getCode()).isEqualTo(400);
                    String body = refused.getResponse().getBody(String.class).orElseThrow();
                    assertThat(body).contains("\"metric\"", "no badge measures tokens or spend consumed");
                });
        assertThat(requests.recordsUntilNow(Duration.ofSeconds(5))).isEmpty();
    }

    /** Sends {@code request}, answers the change request it makes as the ledger would, and returns the answer. */
    private HttpResponse<?> answeredByLedger(HttpRequest<?> request, Function<JsonNode, LedgerPayload> answer)
            throws IOException {
        KafkaProbe requests = KafkaProbe.on(bootstrap(), topic("policy-changes.v1"));
        CompletableFuture<HttpResponse<?>> response = CompletableFuture.supplyAsync(() -> {
            try {
                return http.toBlocking().exchange(request, String.class);
            } catch (HttpClientResponseException refused) {
                return refused.getResponse();
            }
        });
        JsonNode sent = JACKSON.readTree(requests.recordsSinceCreated(1, WITHIN).get(0).value());
        assertThat(sent.get("kind").asText()).isEqualTo("BADGE_RULE");
        fixture.publish(ledger.append(answer.apply(sent)));
        return response.join();
    }

    @SuppressWarnings("unchecked")
    private static PolicyChanged recorded(JsonNode request, long version) {
        return new PolicyChanged(request.get("requestId").asText(), request.get("policyId").asText(),
                PolicyKind.BADGE_RULE, version, request.get("actor").asText(),
                JACKSON.convertValue(request.get("content"), Map.class), List.of(), NOVEMBER, NOVEMBER,
                "a".repeat(64));
    }

    private static PolicyChangeRejected versionConflict(JsonNode request) {
        return new PolicyChangeRejected(request.get("requestId").asText(), request.get("policyId").asText(),
                PolicyKind.BADGE_RULE, request.get("expectedVersion").asLong(), 2, request.get("actor").asText(),
                Map.of(), NOVEMBER, PolicyChangeRejected.VERSION_CONFLICT, NOVEMBER, "b".repeat(64));
    }

    private String topic(String name) {
        return fixture.applicationProperties().get("kafka.topic-prefix") + name;
    }

    private String bootstrap() {
        return fixture.applicationProperties().get("kafka.bootstrap.servers");
    }
}
