package dev.aispend.ledger.intake;

import dev.aispend.contracts.Topics;
import dev.aispend.contracts.ledger.PolicyDecisionRecorded;
import dev.aispend.contracts.outcome.OutcomeRecord;
import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.devstack.Wait;
import dev.aispend.ledger.IntakeSender;
import dev.aispend.ledger.LedgerTestProperties;
import dev.aispend.ledger.TestLedgerDatabase;
import dev.aispend.ledger.UsageMother;
import dev.aispend.ledger.entries.LedgerEntryStore;
import dev.aispend.platform.ledger.LedgerEvent;
import dev.aispend.platform.ledger.LedgerPayloadDecoder;
import dev.aispend.testsupport.KafkaProbe;
import dev.aispend.testsupport.TestInfrastructure;
import dev.aispend.testsupport.TestPostgres;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decisions with the fields added later (triggerPosition, evidence) through the real intake: recorded once
 * however often sent, published on ledger.v1 as they were sent, and refused into quarantine when out of bounds or
 * triggered by a position the ledger does not hold.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DecisionIntakeIT implements TestPropertyProvider {
    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final String TOPIC_PREFIX = "decisions-it.";
    private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

    @Inject
    JsonMapper json;
    @Inject
    LedgerEntryStore entries;
    @Inject
    LedgerPayloadDecoder decoder;
    private TestLedgerDatabase database;

    @Override
    public Map<String, String> getProperties() {
        TestPostgres postgres = TestInfrastructure.postgres();
        String jdbcUrl = postgres.createDatabase("ledger_decisions");
        database = new TestLedgerDatabase(jdbcUrl, postgres.user(), postgres.password());
        return LedgerTestProperties.of(postgres, jdbcUrl, TOPIC_PREFIX, "decisions-it");
    }

    @Test
    void records_a_decision_with_trigger_position_and_evidence_once_and_publishes_it_as_sent() throws Exception {
        long trigger = recordSpend("spend-for-decision");
        // The probe counts from the topic's end when it is made: the spend must be on the topic by then.
        Wait.until("the spend published", WITHIN, () -> entries.head().lastPublishedPosition() >= trigger);
        KafkaProbe ledgerTopic = KafkaProbe.on(TestInfrastructure.kafka().bootstrapServers(),
                TOPIC_PREFIX + Topics.LEDGER_V1);
        PolicyDecision decision = decision("BUDGET_THRESHOLD_CROSSED:b-1:v1:2026-11:80@" + trigger, trigger);

        send(Topics.DECISIONS_V1, decision, decision); // sent twice at once, as a retrying producer may
        awaitHead(trigger + 1);
        send(Topics.DECISIONS_V1, decision); // a redelivery after it was recorded
        send(Topics.OUTCOMES_V1, outcome("after-the-decision"));
        awaitHead(trigger + 2);

        List<ConsumerRecord<String, String>> published = ledgerTopic.recordsSinceCreated(2, WITHIN);
        assertThat(published).hasSize(2);
        LedgerEvent event = decoder.decode(decoder.envelope(published.get(0).value().getBytes(StandardCharsets.UTF_8)));
        assertThat(event.envelope().position()).isEqualTo(trigger + 1);
        PolicyDecisionRecorded recorded = (PolicyDecisionRecorded) event.payload();
        assertThat(recorded.decision()).isEqualTo(decision);
        assertThat(recorded.contentSha256()).isEqualTo(ContentHash.of(LedgerIntake.DECISION, decision));
        assertThat(database.count("SELECT count(*) FROM idempotency_key WHERE kind = 'decision' AND key = '"
                + decision.decisionId() + "'")).isEqualTo(1);
    }

    @Test
    void quarantines_a_decision_out_of_bounds_or_triggered_beyond_the_ledger_and_records_the_rest()
            throws Exception {
        long head = recordSpend("spend-before-refusals");
        long quarantinedBefore = quarantined();

        send(Topics.DECISIONS_V1, decision("d".repeat(DecisionLimits.MAX_DECISION_ID_LENGTH + 1), head),
                decision("from-the-future@" + (head + 1000), head + 1000));
        send(Topics.OUTCOMES_V1, outcome("after-the-refusals"));
        awaitHead(head + 1);
        Wait.until("both decisions quarantined", WITHIN, () -> quarantined() >= quarantinedBefore + 2);

        assertThat(quarantineReasonsAfter(quarantinedBefore)).satisfiesExactlyInAnyOrder(
                reason -> assertThat(reason).contains("out of bounds",
                        "decisionId must be at most 512 characters, had 513"),
                reason -> assertThat(reason).contains("from-the-future@", "beyond the ledger's last position"));
        assertThat(entries.entriesAfter(head, 10)).singleElement().satisfies(
                entry -> assertThat(entry.eventType()).isEqualTo("OutcomeRecorded"));
    }

    /**
     * Evidence with the value types a JSON decoder gives back (small integers as Integer, larger as Long), so the
     * decision read back from ledger.v1 compares equal to the one sent.
     */
    private static PolicyDecision decision(String decisionId, long triggerPosition) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("periodKey", "2026-11");
        evidence.put("periodStart", "2026-11-01T00:00:00Z");
        evidence.put("amountUsdMicros", 5_000_000_000L);
        evidence.put("spentUsdMicros", 4_000_000_000L);
        evidence.put("thresholdPercent", 80);
        evidence.put("hardCap", true);
        evidence.put("budgets", List.of(Map.of("budgetId", "b-1", "softThresholdsPercent", List.of(50, 80))));
        return new PolicyDecision(decisionId, "BUDGET_THRESHOLD_CROSSED", "budget:b-1/2026-11", "b-1", 1,
                List.of(new PolicyDecision.DecisionInput(triggerPosition, "spend", 4_000_000_000L)), "CROSSED",
                "80% of the budget spent", AT, triggerPosition, evidence);
    }

    private static OutcomeRecord outcome(String outcomeId) {
        return new OutcomeRecord(outcomeId, "commit", AT, AT, "github", UsageMother.PERSON, "platform", null,
                "acme/api", null, 1L, 1L, List.of(), null, null, null);
    }

    /** Records one spend and answers its position: what a decision may name as its trigger. */
    private long recordSpend(String usageRecordId) throws Exception {
        long position = entries.head().lastPosition() + 1;
        send(Topics.USAGE_V1, UsageMother.record(usageRecordId, "platform", 10, 1));
        awaitHead(position);
        return position;
    }

    private long quarantined() {
        try {
            return database.count("SELECT count(*) FROM quarantined_message");
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private List<String> quarantineReasonsAfter(long count) throws SQLException {
        List<String> reasons = new ArrayList<>();
        try (Connection connection = database.connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT reason FROM quarantined_message ORDER BY id OFFSET "
                     + count)) {
            while (rows.next()) {
                reasons.add(rows.getString(1));
            }
        }
        return reasons;
    }

    private void awaitHead(long position) {
        Wait.until("ledger head at " + position, WITHIN, () -> entries.head().lastPosition() >= position);
        assertThat(entries.head().lastPosition()).isEqualTo(position);
    }

    private void send(String topic, Object... records) throws Exception {
        try (IntakeSender sender = new IntakeSender(TestInfrastructure.kafka().bootstrapServers(), json)) {
            for (Object record : records) {
                sender.send(TOPIC_PREFIX + topic, "platform", record);
            }
        }
    }
}
