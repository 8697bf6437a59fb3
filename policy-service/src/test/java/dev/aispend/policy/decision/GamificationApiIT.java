package dev.aispend.policy.decision;

import dev.aispend.testsupport.security.TestIssuer;
import dev.aispend.contracts.ledger.PolicyDecisionRecorded;
import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.platform.kafka.TopicProvisioner;
import dev.aispend.platform.ledger.LedgerEvent;
import dev.aispend.policy.verification.DecisionComparison;
import dev.aispend.policy.verification.VerificationResult;
import dev.aispend.testsupport.KafkaProbe;
import dev.aispend.devstack.Wait;
import dev.aispend.testsupport.ledger.LedgerFollowerFixture;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static dev.aispend.policy.decision.GamificationLedger.badge;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gamification evaluator as it runs in policy-service: entries published to ledger.v1 give exactly the
 * decisions the pure evaluator derives, on decisions.v1; once the ledger has recorded them, the API shows the
 * phases, awards and flags, and a reviewer's clearing goes to the ledger with its actor. An evaluator that lost
 * its state rebuilds it from ledger.v1.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GamificationApiIT implements TestPropertyProvider {
    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final Instant MONDAY = Instant.parse("2026-10-05T10:00:00Z");

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    JsonMapper json;
    @Inject
    GamificationEvaluation evaluation;
    private final LedgerFollowerFixture fixture = LedgerFollowerFixture.create("policy");
    private final GamificationLedger ledger = new GamificationLedger(fixture.ledger());
    private int published;
    /** On decisions.v1 from before anything was published: every decision of the class, in order. */
    private KafkaProbe decisions;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(fixture.applicationProperties());
        TopicProvisioner.createIfMissing(properties.get("kafka.bootstrap.servers"), List.of(
                new NewTopic(topic("policy-changes.v1"), 1, (short) 1), new NewTopic(topic("decisions.v1"), 1,
                        (short) 1)));
        properties.put("policy.seed.enabled", "false");
        properties.put("policy.seed.gamification-enabled", "false");
        return properties;
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @Test
    @Order(1)
    void decisions_reach_the_ledger_and_the_api_and_a_reviewer_clears_a_flag() {
        ledger.policy(PolicyKind.BADGE_RULE, "badge-first-use", badge("First use", "EXPLORATION", "FIRST_USE",
                "ALL_TIME", Map.of("BRONZE", 1)), MONDAY);
        ledger.policy(PolicyKind.BADGE_RULE, "badge-model-explorer", badge("Model explorer", "EXPLORATION",
                "DISTINCT_MODELS", "MONTH", Map.of("BRONZE", 2)), MONDAY);
        ledger.policy(PolicyKind.ANOMALY_RULE, "anomaly-spend", Map.of("name", "Spend without outcomes",
                "rule", "SPEND_WITHOUT_OUTCOMES", "minimumSpendUsdMicros", 1_000_000), MONDAY);
        ledger.policy(PolicyKind.PHASE, "phase-web", Map.of("team", "web", "phase", "OUTCOME"), MONDAY);
        ledger.call("ana", "mobile", "model-a", MONDAY, 100, 10, 0, 2_000_000);
        ledger.call("ben", "web", "model-a", MONDAY, 100, 10, 0, 1_000);
        ledger.call("ben", "web", "model-a", MONDAY.plusSeconds(7 * 86_400), 100, 10, 0, 1_000);
        List<PolicyDecision> derived = ledger.decisions();
        assertThat(derived).extracting(PolicyDecision::kind).containsExactly("PHASE_CHANGED", "BADGE_AWARDED",
                "ANOMALY_FLAGGED");

        publishNew();
        assertSame(sent(derived.size()), derived);
        derived.forEach(this::recordInLedger);
        publishNew();

        JsonNode phases = get("/v1/team-phases");
        assertThat(text(phases.get("phases").get(0).get("team"))).isEqualTo("web");
        assertThat(text(phases.get("phases").get(0).get("phase"))).isEqualTo("OUTCOME");
        JsonNode awards = get("/v1/badge-awards?team=mobile").get("awards");
        assertThat(awards.size()).isEqualTo(1);
        assertThat(text(awards.get(0).get("tier"))).isEqualTo("BRONZE");
        JsonNode flags = get("/v1/flags");
        assertThat(flags.get("underReviewUsdMicros").getLongValue()).isEqualTo(2_000_000);
        String flagId = flags.get("flags").get(0).get("decisionId").getStringValue();

        assertThatThrownBy(() -> clear(flagId, Map.of())).isInstanceOfSatisfying(HttpClientResponseException.class,
                refused -> {
                    assertThat(refused.getStatus().getCode()).isEqualTo(400);
                    assertThat(refused.getResponse().getBody(String.class).orElseThrow()).contains("reason");
                });
        assertThat(clear(flagId, Map.of("reason", "a migration, agreed with the lead"))).isEqualTo(202);
        // A retry sends the same decision again; another clearing before the ledger has recorded it is refused.
        assertThat(clear(flagId, Map.of("reason", "a migration, agreed with the lead"))).isEqualTo(202);
        assertThatThrownBy(() -> clear(flagId, Map.of("reason", "something else")))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        refused -> assertThat(refused.getStatus().getCode()).isEqualTo(409));
        List<PolicyDecision> clearings = sent(derived.size() + 2).subList(derived.size(), derived.size() + 2);
        assertThat(clearings.get(1)).isEqualTo(clearings.get(0));
        PolicyDecision clearing = clearings.get(0);
        assertThat(clearing.decisionId()).isEqualTo("ANOMALY_CLEARED:" + flagId);
        assertThat(clearing.evidence()).containsEntry("actor", "reviewer");
        recordInLedger(clearing);
        publishNew();

        JsonNode cleared = get("/v1/flags/" + encode(flagId));
        assertThat(text(cleared.get("clearedBy"))).isEqualTo("reviewer");
        assertThat(get("/v1/flags").get("underReviewUsdMicros").getLongValue()).isZero();
        assertThatThrownBy(() -> clear(flagId, Map.of("reason", "again")))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        refused -> assertThat(refused.getStatus().getCode()).isEqualTo(409));

        // Compliance: every gamification decision derived again, the clearing checked against its flag.
        JsonNode result = verification();
        assertThat(result.get("matches").getLongValue()).isEqualTo(derived.size() + 1);
        assertThat(result.get("mismatchCount").getLongValue() + result.get("missingCount").getLongValue()
                + result.get("extraCount").getLongValue()).isZero();
    }

    private JsonNode verification() {
        String started = http.toBlocking().retrieve(HttpRequest.POST("/v1/decisions/verifications", Map.of()));
        String statusUrl;
        try {
            statusUrl = json.readValue(started, JsonNode.class).get("statusUrl").getStringValue();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        JsonNode[] status = new JsonNode[1];
        Wait.until("the verification to complete", WITHIN, () -> {
            status[0] = get(statusUrl);
            return "COMPLETED".equals(status[0].get("status").getStringValue());
        });
        return status[0].get("result");
    }

    @Test
    @Order(2)
    void an_evaluator_that_lost_its_state_rebuilds_it_from_the_ledger() {
        int before = ledger.decisions().size() + 2; // and the clearing, sent twice
        evaluation.forgetState();
        // Ben, now in a team that explores, used model-a before the state was lost: model-b is his second model
        // this month only if the evaluator replayed the ledger.
        List<PolicyDecision> derived = ledger.call("ben", "mobile-two", "model-b", MONDAY.plusSeconds(8 * 86_400),
                100, 10, 0, 1_000);
        publishNew();

        assertThat(derived).extracting(PolicyDecision::decisionId).containsExactly(
                "BADGE_AWARDED:badge-first-use:ben:all:BRONZE",
                "BADGE_AWARDED:badge-model-explorer:ben:2026-10:BRONZE");
        assertSame(sent(before + 2).subList(before, before + 2), derived);
    }

    /** The same decisions, compared as verification compares them (numbers read back may be narrower). */
    private void assertSame(List<PolicyDecision> sent, List<PolicyDecision> derived) {
        DecisionComparison comparison = new DecisionComparison(json);
        derived.forEach(comparison::rederived); // derived before recorded, as a verification meets them
        sent.forEach(decision -> comparison.recorded(decision, decision.triggerPosition()));
        VerificationResult result = comparison.result(1, ledger.position(), ledger.position());
        assertThat(result.verified()).as("%s", result).isTrue();
        assertThat(result.matches()).isEqualTo(derived.size());
    }

    private void publishNew() {
        if (decisions == null) {
            decisions = KafkaProbe.on(fixture.applicationProperties().get("kafka.bootstrap.servers"),
                    topic("decisions.v1"));
        }
        List<LedgerEvent> events = ledger.events();
        events.subList(published, events.size()).forEach(event -> fixture.publish(event.envelope()));
        published = events.size();
        fixture.awaitApplied(GamificationEvaluation.NAME);
        fixture.awaitApplied("policy");
    }

    /** Records a decision as the ledger does: an entry of its own, not an input of the evaluator. */
    private void recordInLedger(PolicyDecision decision) {
        ledger.append(PolicyDecisionRecorded.of(decision, "f".repeat(64)));
    }

    /** The first {@code count} decisions on decisions.v1, read as the ledger's intake reads them. */
    private List<PolicyDecision> sent(int count) {
        AtomicReference<List<PolicyDecision>> read = new AtomicReference<>(List.of());
        Wait.until(count + " decisions on decisions.v1", WITHIN, () -> {
            read.set(decisions.recordsUntilNow(WITHIN).stream().map(record -> decode(record.value())).toList());
            return read.get().size() >= count;
        });
        return read.get().subList(0, count);
    }

    private PolicyDecision decode(String value) {
        try {
            return json.readValue(value, PolicyDecision.class);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private JsonNode get(String path) {
        String body = http.toBlocking().retrieve(HttpRequest.GET(path));
        try {
            return json.readValue(body, JsonNode.class);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private int clear(String flagId, Map<String, Object> body) {
        return http.toBlocking().exchange(HttpRequest.POST("/v1/flags/" + encode(flagId) + "/clearance",
                new LinkedHashMap<>(body)).bearerAuth(TestIssuer.token("reviewer", "policy-owner"))).getStatus().getCode();
    }

    private static String text(JsonNode node) {
        return node.getStringValue();
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    private String topic(String name) {
        return fixture.applicationProperties().get("kafka.topic-prefix") + name;
    }
}
