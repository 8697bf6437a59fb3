package dev.aispend.policy.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.devstack.Wait;
import dev.aispend.platform.kafka.TopicNames;
import dev.aispend.platform.pricing.ModelPrice;
import dev.aispend.platform.pricing.RateCard;
import dev.aispend.platform.pricing.RateCardBook;
import dev.aispend.platform.pricing.RateCardVersion;
import dev.aispend.testsupport.KafkaProbe;
import dev.aispend.testsupport.TestInfrastructure;
import dev.aispend.testsupport.metrics.PrometheusText;
import dev.aispend.testsupport.ledger.LedgerFollowerFixture;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.aispend.policy.check.Budgets.hardCapped;
import static dev.aispend.policy.check.Budgets.team;
import static dev.aispend.testsupport.ledger.TestLedger.JACKSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code /v1/checks} against real PostgreSQL and Kafka: answers with every budget in scope and the reservation it
 * holds, repeats its first answer for a retried checkId, refuses bad input naming the field, and records every
 * check decision on decisions.v1 the way the ledger's intake reads it, emptying the outbox.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckApiIT implements TestPropertyProvider {
    private static final Duration WITHIN = Duration.ofSeconds(30);

    private final LedgerFollowerFixture fixture = LedgerFollowerFixture.create("policy");
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TestRules rules;
    @Inject
    TopicNames topics;
    @Inject
    JsonMapper json;
    @Inject
    MeterRegistry meters;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(fixture.applicationProperties());
        properties.put("checks.test-rules", "true");
        properties.put("policy.metrics.refresh-interval", "1s");
        return properties;
    }

    @AfterAll
    void closeFixture() {
        fixture.close();
    }

    @Test
    void answers_with_the_deciding_budget_and_reservation_and_records_the_decision_on_decisions_v1()
            throws IOException {
        rules.add(hardCapped("api", team("api"), 1_000, 50, 80));
        KafkaProbe decisions = KafkaProbe.on(TestInfrastructure.kafka().bootstrapServers(), topics.decisions());

        JsonNode answer = post("""
                {"checkId": "api-1", "team": "api", "purpose": "coding", "estimatedCostUsdMicros": 600}""");

        assertThat(answer.get("checkId").asText()).isEqualTo("api-1");
        assertThat(answer.get("decision").asText()).isEqualTo("WARN");
        assertThat(answer.get("decidedBy").get("budgetId").asText()).isEqualTo("api");
        assertThat(answer.get("decidedBy").get("reason").asText()).contains("50 % threshold");
        assertThat(answer.get("reservationId").asText()).startsWith("rsv_");
        assertThat(answer.get("reservedUsdMicros").asLong()).isEqualTo(600);
        JsonNode budget = answer.get("budgets").get(0);
        assertThat(budget.get("remainingUsdMicros").asLong()).isEqualTo(1_000);
        assertThat(budget.get("scope").asText()).isEqualTo("team=api");
        assertThat(budget.get("hardCap").asBoolean()).isTrue();
        assertThat(budget.get("result").asText()).isEqualTo("WARN");

        // Other tests' decisions may be on the topic too: this check's is the one keyed by its subject.
        List<ConsumerRecord<String, String>> published = new ArrayList<>();
        Wait.until("the check decision on " + topics.decisions(), WITHIN, () -> {
            published.clear();
            decisions.recordsUntilNow(WITHIN).stream().filter(record -> record.key().equals("check:api-1"))
                    .forEach(published::add);
            return !published.isEmpty();
        });
        assertThat(published).hasSize(1);
        // Decoded exactly as the ledger's IntakeDecoder decodes decisions.v1.
        PolicyDecision decision = json.readValue(published.get(0).value().getBytes(StandardCharsets.UTF_8),
                PolicyDecision.class);
        assertThat(decision.kind()).isEqualTo("CHECK");
        assertThat(decision.subject()).isEqualTo("check:api-1");
        assertThat(decision.policyId()).isEqualTo("api");
        assertThat(decision.result()).isEqualTo("WARN");
        assertThat(decision.triggerPosition()).isNull();
        assertThat(decision.decidedAt()).isEqualTo(Instant.parse(answer.get("checkedAt").asText()));
        assertThat(decision.inputs()).containsExactly(new PolicyDecision.DecisionInput(0, "spent:api", 0));
        assertThat(decision.evidence()).containsEntry("reservationId", answer.get("reservationId").asText())
                .containsKeys("request", "budgets", "ledgerPosition", "rulesPosition", "expiresAt");
        Wait.until("the outbox to empty", WITHIN, () -> fixture.database()
                .number("SELECT count(*) FROM check_decision_outbox") == 0);
        assertThat(meters.counter("aispend.policy.checks", "result", "WARN").count()).isGreaterThanOrEqualTo(1);
        assertThat(PrometheusText.valueOr(scrape(), "aispend_policy_decisions_published_total{kind=\"CHECK\"}", 0))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void repeats_the_first_answer_for_a_retried_check_id_and_refuses_the_id_with_other_content()
            throws IOException {
        rules.add(hardCapped("retry", team("retry"), 1_000));
        String body = "{\"checkId\": \"retry-1\", \"team\": \"retry\", \"estimatedCostUsdMicros\": 100}";

        JsonNode first = post(body);
        JsonNode again = post(body);

        assertThat(again).isEqualTo(first);
        assertThat(fixture.database().number("SELECT reserved_usd_micros FROM budget_period "
                + "WHERE budget_id = 'retry'")).isEqualTo(100);
        assertProblem("{\"checkId\": \"retry-1\", \"team\": \"retry\", \"estimatedCostUsdMicros\": 101}", 409,
                "checkId");
    }

    @Test
    void denies_every_check_once_spend_reaches_the_hard_cap() throws IOException {
        rules.add(hardCapped("capped", team("capped"), 1_000));
        JsonNode first = post("{\"team\": \"capped\", \"estimatedCostUsdMicros\": 10}");
        String periodKey = first.get("budgets").get(0).get("periodKey").asText();
        // The evaluator's columns, as the policy projection would have written them at ledger position 17.
        fixture.database().execute("UPDATE budget_period SET spent_usd_micros = 990, spent_as_of_position = 17 "
                + "WHERE budget_id = 'capped' AND period_key = '" + periodKey + "'");

        JsonNode denied = post("{\"team\": \"capped\", \"estimatedCostUsdMicros\": 0}");

        assertThat(denied.get("decision").asText()).isEqualTo("DENY");
        assertThat(denied.has("reservationId")).isFalse();
        assertThat(denied.get("ledgerPosition").asLong()).isEqualTo(17);
        assertThat(denied.get("budgets").get(0).get("remainingUsdMicros").asLong()).isZero();
        assertThat(denied.get("decidedBy").get("reason").asText()).contains("nothing remains");
    }

    @Test
    void prices_tokens_with_the_rate_card_in_force_and_refuses_a_model_no_card_prices() throws IOException {
        rules.add(hardCapped("tokens", team("tokens"), 1_000_000));
        rules.rateCards(RateCardBook.empty().with(new RateCardVersion("anthropic-list", 2,
                Instant.parse("2026-01-01T00:00:00Z"), 5, new RateCard("anthropic", Map.of("claude-sonnet-4-5",
                new ModelPrice(3_000_000, 15_000_000, 300_000, 3_750_000, 6_000_000, 15_000_000))))));

        JsonNode answer = post("""
                {"team": "tokens", "model": "claude-sonnet-4-5",
                 "estimatedTokens": {"inputTokens": 1000, "outputTokens": 100}}""");

        assertThat(answer.get("estimatedCostUsdMicros").asLong()).isEqualTo(4_500);
        assertThat(answer.get("rateCard").get("rateCardId").asText()).isEqualTo("anthropic-list");
        assertProblem("{\"team\": \"tokens\", \"model\": \"gpt-9\", \"estimatedTokens\": {\"inputTokens\": 1}}",
                422, "model");
    }

    @Test
    void refuses_invalid_input_as_problem_details_naming_the_field() {
        assertProblem("{\"team\": \"t\", \"estimatedCostUsdMicros\": 1, \"estimate\": 2}", 400, "estimate");
        assertProblem("{\"team\": \"t\"}", 400, "estimatedCostUsdMicros");
        assertProblem("{\"estimatedCostUsdMicros\": 1}", 400, "team");
        assertProblem("{\"team\": \"t\", \"estimatedCostUsdMicros\": -5}", 400, "estimatedCostUsdMicros");
        assertProblem("{\"team\": \"t\", \"estimatedCostUsdMicros\": 1, \"estimatedCostUsdMicros\": 2}", 400, "$");
        assertProblem("{\"team\": ", 400, "$");
    }

    @Test
    void shows_and_releases_a_reservation_early() throws IOException {
        rules.add(hardCapped("release", team("release"), 1_000));
        String reservationId = post("{\"team\": \"release\", \"estimatedCostUsdMicros\": 250}")
                .get("reservationId").asText();

        JsonNode held = JACKSON.readTree(http.toBlocking().retrieve("/v1/checks/reservations/" + reservationId));
        assertThat(held.get("budgets").get(0).get("amountUsdMicros").asLong()).isEqualTo(250);
        long heldNow = awaitOpenReservationsGauge();

        HttpResponse<String> released = http.toBlocking().exchange(
                HttpRequest.DELETE("/v1/checks/reservations/" + reservationId), String.class);
        assertThat(released.code()).isEqualTo(204);
        assertThat(fixture.database().number("SELECT reserved_usd_micros FROM budget_period "
                + "WHERE budget_id = 'release'")).isZero();
        assertThat(awaitOpenReservationsGauge()).isEqualTo(heldNow - 1);
        assertStatus(HttpRequest.DELETE("/v1/checks/reservations/" + reservationId), 404);
        assertStatus(HttpRequest.GET("/v1/checks/reservations/" + reservationId), 404);
        assertStatus(HttpRequest.GET("/v1/checks/reservations/not%20an%20id"), 400);
    }

    /** Once the gauge shows what the reservation table holds (it is read every second here), that count. */
    private long awaitOpenReservationsGauge() {
        long[] open = new long[1];
        Wait.until("aispend_policy_reservations_open to show the reservation table", WITHIN, () -> {
            open[0] = fixture.database().number("SELECT count(DISTINCT reservation_id) FROM reservation");
            return PrometheusText.valueOr(scrape(), "aispend_policy_reservations_open", -1) == open[0];
        });
        return open[0];
    }

    private String scrape() {
        return http.toBlocking().retrieve("/prometheus");
    }

    private JsonNode post(String body) throws IOException {
        return JACKSON.readTree(http.toBlocking().retrieve(HttpRequest.POST("/v1/checks", body)
                .contentType(MediaType.APPLICATION_JSON_TYPE)));
    }

    private void assertProblem(String body, int status, String field) {
        assertThatThrownBy(() -> http.toBlocking().exchange(HttpRequest.POST("/v1/checks", body)
                .contentType(MediaType.APPLICATION_JSON_TYPE), String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class, refused -> {
                    assertThat(refused.getStatus().getCode()).isEqualTo(status);
                    assertThat(refused.getResponse().getContentType()).hasValueSatisfying(type ->
                            assertThat(type.toString()).isEqualTo("application/problem+json"));
                    JsonNode problem = readTree(refused.getResponse().getBody(String.class).orElseThrow());
                    assertThat(problem.get("status").asInt()).isEqualTo(status);
                    assertThat(problem.get("errors")).extracting(error -> error.get("field").asText())
                            .contains(field);
                });
    }

    private void assertStatus(HttpRequest<?> request, int status) {
        assertThatThrownBy(() -> http.toBlocking().exchange(request, String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class, refused ->
                        assertThat(refused.getStatus().getCode()).isEqualTo(status));
    }

    private static JsonNode readTree(String body) {
        try {
            return JACKSON.readTree(body);
        } catch (IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}
