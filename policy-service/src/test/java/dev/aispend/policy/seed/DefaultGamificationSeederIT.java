package dev.aispend.policy.seed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aispend.contracts.ledger.PolicyChanged;
import dev.aispend.contracts.policy.PolicyKind;
import dev.aispend.devstack.Wait;
import dev.aispend.policy.rules.PolicyTestTopics;
import dev.aispend.testsupport.KafkaProbe;
import dev.aispend.testsupport.ledger.LedgerFollowerFixture;
import dev.aispend.testsupport.ledger.TestLedger;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.aispend.testsupport.ledger.TestLedger.JACKSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default badge and anomaly rules at first start, against real PostgreSQL and Kafka, with this test in the
 * ledger's place: the seeder sends each default once, as actor {@code system}; once the ledger has recorded them
 * they are served by the API, and seeding again sends nothing.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DefaultGamificationSeederIT implements TestPropertyProvider {
    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final int DEFAULTS = 7 + 4;

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    DefaultGamificationSeeder seeder;
    @Inject
    PolicySeeding seeding;
    private final LedgerFollowerFixture fixture = LedgerFollowerFixture.create("policy");
    private final TestLedger ledger = fixture.ledger();
    private KafkaProbe requests;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = PolicyTestTopics.propertiesWithTopics(fixture);
        properties.put("policy.seed.gamification-enabled", "true");
        properties.put("policy.seed.initial-delay", "100ms");
        properties.put("policy.seed.interval", "200ms");
        // Made before the service starts, so it sees every request the seeder sends.
        requests = KafkaProbe.on(properties.get("kafka.bootstrap.servers"),
                properties.get("kafka.topic-prefix") + "policy-changes.v1");
        return properties;
    }

    @AfterAll
    void closeFixture() {
        fixture.close();
    }

    @Test
    void records_the_default_badges_and_anomaly_rules_once_as_actor_system() throws IOException {
        List<ConsumerRecord<String, String>> sent = requests.recordsSinceCreated(DEFAULTS, WITHIN);
        List<JsonNode> changes = new ArrayList<>();
        for (ConsumerRecord<String, String> record : sent) {
            changes.add(JACKSON.readTree(record.value()));
        }
        assertThat(changes).hasSize(DEFAULTS).allSatisfy(change -> {
            assertThat(change.get("actor").asText()).isEqualTo("system");
            assertThat(change.get("requestId").asText()).isEqualTo("seed:" + change.get("policyId").asText()
                    + ":2026-11-24");
        });
        assertThat(changes).filteredOn(change -> change.get("kind").asText().equals("BADGE_RULE")).hasSize(7);

        for (JsonNode change : changes) {
            fixture.publish(ledger.append(recorded(change)));
        }
        fixture.awaitApplied("policy");
        Wait.until("both kinds settled", WITHIN, seeder::settled);

        JsonNode badges = JACKSON.readTree(http.toBlocking().retrieve("/v1/badges")).get("badges");
        JsonNode rules = JACKSON.readTree(http.toBlocking().retrieve("/v1/anomaly-rules")).get("anomalyRules");
        assertThat(badges).hasSize(7);
        assertThat(badges.findValuesAsText("actor")).containsOnly("system");
        assertThat(rules.findValuesAsText("id")).containsExactlyInAnyOrder("anomaly-spend-without-outcomes",
                "anomaly-tokens-per-pr", "anomaly-overnight-loops", "anomaly-prompt-inflation");
        // Another instance starting now finds the rules and sends nothing.
        assertThat(seeding.trySeed(PolicySeedFile.badges())).isTrue();
        assertThat(seeding.trySeed(PolicySeedFile.anomalyRules())).isTrue();
        assertThat(requests.recordsUntilNow(WITHIN)).hasSize(DEFAULTS);
    }

    @SuppressWarnings("unchecked")
    private static PolicyChanged recorded(JsonNode request) {
        Instant requestedAt = Instant.parse(request.get("requestedAt").asText());
        return new PolicyChanged(request.get("requestId").asText(), request.get("policyId").asText(),
                PolicyKind.valueOf(request.get("kind").asText()), 1, request.get("actor").asText(),
                JACKSON.convertValue(request.get("content"), Map.class), List.of(), requestedAt, requestedAt,
                "c".repeat(64));
    }
}
