package dev.aispend.ledger.intake;

import dev.aispend.contracts.Topics;
import dev.aispend.contracts.identity.IdentityLink;
import dev.aispend.contracts.outcome.OutcomeRecord;
import dev.aispend.contracts.policy.PolicyChangeRequest;
import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.contracts.usage.TokenCounts;
import dev.aispend.contracts.usage.UsageAccounting;
import dev.aispend.contracts.usage.UsageRecord;
import dev.aispend.devstack.Wait;
import dev.aispend.ledger.IntakeSender;
import dev.aispend.ledger.LedgerTestProperties;
import dev.aispend.ledger.PolicyMother;
import dev.aispend.ledger.TestLedgerDatabase;
import dev.aispend.ledger.UsageMother;
import dev.aispend.ledger.entries.LedgerEntryStore;
import dev.aispend.ledger.entries.StoredEntry;
import dev.aispend.testsupport.TestInfrastructure;
import dev.aispend.testsupport.TestPostgres;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The five intake topics through the real intake on real PostgreSQL and Kafka: each kind recorded once, a
 * redelivered batch of every topic recording nothing twice, usage priced by a rate card recorded before it, a
 * stale policy change rejected, other content under a recorded key quarantined.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakeTopicsIT implements TestPropertyProvider {
    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final String TOPIC_PREFIX = "topics-it.";
    private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

    @Inject
    JsonMapper json;
    @Inject
    LedgerEntryStore entries;
    private TestLedgerDatabase database;

    @Override
    public Map<String, String> getProperties() {
        TestPostgres postgres = TestInfrastructure.postgres();
        String jdbcUrl = postgres.createDatabase("ledger_topics");
        database = new TestLedgerDatabase(jdbcUrl, postgres.user(), postgres.password());
        return LedgerTestProperties.of(postgres, jdbcUrl, TOPIC_PREFIX, "topics-it");
    }

    @Test
    void records_each_topic_once_prices_after_the_card_and_ignores_redelivery() throws Exception {
        PolicyChangeRequest card = PolicyMother.rateCardRequest("card-1", 0,
                PolicyMother.rateCard("claude-sonnet-4-5", 3_000_000, 15_000_000), AT);
        OutcomeRecord outcome = new OutcomeRecord("delivery-1", "pull_request_merged", AT, AT, "github",
                UsageMother.PERSON, "platform", null, "acme/api", 42L, 120L, 30L, List.of("ai-assisted"),
                new OutcomeRecord.AiAssistance(List.of("session-1"), List.of("Claude <noreply@anthropic.com>")),
                null, null);
        PolicyDecision decision = new PolicyDecision("decision-1", "THRESHOLD_CROSSED", "team:platform",
                "budget-platform", 3, List.of(new PolicyDecision.DecisionInput(1, "costUsdMicros", 5_000_000)),
                "ALERT", "80% of the monthly budget", AT);
        IdentityLink link = new IdentityLink("link-1", "als_abc", "github_login", UsageMother.PERSON, "platform",
                "eng-123", AT, AT, "directory");
        var usage = UsageMother.record("usage-1", "anthropic", "claude-sonnet-4-5", AT.plusSeconds(60),
                new TokenCounts(1_000_000, 100_000, 0, 0, 0, 0));

        long base = entries.head().lastPosition();
        long keysBefore = database.count("SELECT count(*) FROM idempotency_key");
        send(Topics.POLICY_CHANGES_V1, card.policyId(), card);
        awaitHead(base + 1);
        for (int round = 0; round < 2; round++) { // the second round is a redelivery of every topic
            send(Topics.OUTCOMES_V1, "platform", outcome);
            send(Topics.DECISIONS_V1, "team:platform", decision);
            send(Topics.IDENTITY_V1, "als_abc", link);
            send(Topics.USAGE_V1, "platform", usage);
            send(Topics.POLICY_CHANGES_V1, card.policyId(), card);
            awaitHead(base + 5);
        }
        PolicyChangeRequest stale = PolicyMother.rateCardRequest("card-2", 0,
                PolicyMother.rateCard("claude-sonnet-4-5", 1, 1), AT);
        send(Topics.POLICY_CHANGES_V1, stale.policyId(), stale);
        awaitHead(base + 6);

        List<StoredEntry> recorded = entries.entriesAfter(base, 100);
        assertThat(recorded).extracting(StoredEntry::eventType).containsExactlyInAnyOrder("PolicyChanged",
                "OutcomeRecorded", "PolicyDecisionRecorded", "IdentityLinked", "SpendRecorded",
                "PolicyChangeRejected");
        String spend = payloadOf(recorded, "SpendRecorded");
        // 1,000,000 input x $3/M + 100,000 output x $15/M = $3 + $1.5 = 4,500,000 micros, card version 1.
        assertThat(spend).contains("\"costUsdMicros\":4500000", "\"rateCardId\":\"ratecard-anthropic\"",
                "\"version\":1");
        assertThat(payloadOf(recorded, "PolicyChangeRejected")).contains("\"reason\":\"VERSION_CONFLICT\"",
                "\"currentVersion\":1");
        assertThat(database.count("SELECT count(*) FROM idempotency_key")).isEqualTo(keysBefore + 6);
    }

    @Test
    void quarantines_other_content_under_a_recorded_outcome_id() throws Exception {
        OutcomeRecord first = new OutcomeRecord("delivery-9", "commit", AT, AT, "github", UsageMother.PERSON,
                "data", null, "acme/etl", null, 1L, 1L, List.of(), null, null, null);
        OutcomeRecord changed = new OutcomeRecord("delivery-9", "commit", AT, AT, "github", UsageMother.PERSON,
                "data", null, "acme/etl", null, 500L, 1L, List.of(), null, null, null);
        long before = entries.head().lastPosition();
        long quarantinedBefore = quarantined();

        send(Topics.OUTCOMES_V1, "data", first);
        awaitHead(before + 1);
        send(Topics.OUTCOMES_V1, "data", changed);
        Wait.until("the changed outcome quarantined", WITHIN,
                () -> quarantined() > quarantinedBefore);
        assertThat(entries.head().lastPosition()).isEqualTo(before + 1);
    }

    @Test
    void quarantines_a_record_the_database_refuses_and_goes_on_with_the_rest() throws Exception {
        long before = entries.head().lastPosition();
        long quarantinedBefore = quarantined();
        // An identifier longer than the event store's column: Java decodes it, PostgreSQL refuses it (22001).
        PolicyChangeRequest tooLong = new PolicyChangeRequest("card-long", "p".repeat(300),
                dev.aispend.contracts.policy.PolicyKind.BUDGET, 0, "alice", Map.of("limitUsdMicros", 1), AT, AT);
        OutcomeRecord fine = new OutcomeRecord("delivery-after-refusal", "commit", AT, AT, "github",
                UsageMother.PERSON, "data", null, "acme/etl", null, 1L, 1L, List.of(), null, null, null);

        send(Topics.POLICY_CHANGES_V1, "p", tooLong);
        send(Topics.OUTCOMES_V1, "data", fine);

        awaitHead(before + 1);
        Wait.until("the refused record quarantined", WITHIN, () -> quarantined() > quarantinedBefore);
        assertThat(entries.entriesAfter(before, 10)).extracting(StoredEntry::eventType)
                .containsExactly("OutcomeRecorded");
    }

    @Test
    void prices_with_the_card_in_force_at_the_instant_and_never_reprices_what_came_before_it() throws Exception {
        Instant at = Instant.parse("2026-11-20T08:00:00Z");
        TokenCounts tokens = new TokenCounts(2_000_000, 0, 0, 0, 0, 0);
        long before = entries.head().lastPosition();

        send(Topics.USAGE_V1, "platform", UsageMother.record("haiku-before-card", null, "claude-haiku-4-5", at, tokens));
        awaitHead(before + 1);
        PolicyChangeRequest card = new PolicyChangeRequest("haiku-card-1", "ratecard-haiku",
                dev.aispend.contracts.policy.PolicyKind.RATE_CARD, 0, "finance",
                PolicyMother.rateCard("claude-haiku-4-5", 1_000_000, 5_000_000), at, AT);
        send(Topics.POLICY_CHANGES_V1, card.policyId(), card);
        awaitHead(before + 2);
        send(Topics.USAGE_V1, "platform", UsageMother.record("haiku-at-the-instant", null, "claude-haiku-4-5", at,
                tokens));
        awaitHead(before + 3);
        send(Topics.USAGE_V1, "platform", UsageMother.record("haiku-a-nanosecond-earlier", null,
                "claude-haiku-4-5", at.minusNanos(1), tokens));
        awaitHead(before + 4);

        List<StoredEntry> recorded = entries.entriesAfter(before, 10);
        // Recorded before the card: unpriced, and it stays so (only an explicit re-pricing changes it).
        assertThat(new String(recorded.get(0).payload(), StandardCharsets.UTF_8))
                .contains("\"recordId\":\"haiku-before-card\"", "\"unpricedReason\":\"NO_RATE_CARD\"");
        // Effective at exactly the usage's instant: the card applies; 2,000,000 tokens at $1/M = 2,000,000 micros.
        assertThat(new String(recorded.get(2).payload(), StandardCharsets.UTF_8))
                .contains("\"recordId\":\"haiku-at-the-instant\"", "\"costUsdMicros\":2000000",
                        "\"rateCardId\":\"ratecard-haiku\"");
        // A nanosecond before the card's effective time: no card was in force.
        assertThat(new String(recorded.get(3).payload(), StandardCharsets.UTF_8))
                .contains("\"recordId\":\"haiku-a-nanosecond-earlier\"", "\"unpricedReason\":\"NO_RATE_CARD\"");
    }

    @Test
    void prices_usage_named_by_an_alias_exactly_like_its_model() throws Exception {
        Map<String, Object> price = new java.util.LinkedHashMap<>(PolicyMother.rateCard("claude-opus-4-1",
                15_000_000, 75_000_000));
        @SuppressWarnings("unchecked")
        Map<String, Object> model = new java.util.LinkedHashMap<>(((List<Map<String, Object>>) price.get("models"))
                .get(0));
        model.put("aliases", List.of("claude-opus-4-1-20250805"));
        price.put("models", List.of(model));
        price.put("source", Map.of("description", "Anthropic pricing page",
                "urls", List.of("https://www.anthropic.com/pricing"), "asOf", "2026-11-01"));
        PolicyChangeRequest card = new PolicyChangeRequest("opus-card-1", "ratecard-opus",
                dev.aispend.contracts.policy.PolicyKind.RATE_CARD, 0, "finance", price, AT, AT);
        TokenCounts tokens = new TokenCounts(1_000_000, 0, 0, 0, 0, 0);
        long before = entries.head().lastPosition();

        send(Topics.POLICY_CHANGES_V1, card.policyId(), card);
        awaitHead(before + 1);
        send(Topics.USAGE_V1, "platform", UsageMother.record("opus-by-alias", "anthropic",
                "claude-opus-4-1-20250805", AT.plusSeconds(1), tokens));
        awaitHead(before + 2);

        List<StoredEntry> recorded = entries.entriesAfter(before, 10);
        assertThat(recorded).extracting(StoredEntry::eventType).containsExactly("PolicyChanged", "SpendRecorded");
        // 1,000,000 input tokens at the aliased model's $15/M; the usage keeps the name it reported.
        assertThat(payloadOf(recorded, "SpendRecorded")).contains("\"model\":\"claude-opus-4-1-20250805\"",
                "\"costUsdMicros\":15000000", "\"rateCardId\":\"ratecard-opus\"");
    }

    @Test
    void records_evidence_under_its_own_type_once() throws Exception {
        UsageRecord priced = UsageMother.record("evidence-1", "anthropic", "claude-sonnet-4-5", AT.plusSeconds(120),
                new TokenCounts(1_000_000, 0, 0, 0, 0, 0));
        UsageRecord evidence = new UsageRecord(priced.usageRecordId(), priced.occurredAt(), priced.receivedAt(),
                "anthropic:usage-report", priced.team(), priced.personRef(), priced.model(), priced.tokens(),
                priced.provider(), null, null, null, null, 2_900_000L, UsageAccounting.EVIDENCE,
                Map.of("workspaceId", "wrkspc_1"));
        long before = entries.head().lastPosition();

        send(Topics.USAGE_V1, "platform", evidence);
        send(Topics.USAGE_V1, "platform", evidence); // redelivered: recorded once

        Wait.until("the evidence recorded", WITHIN, () -> entries.entriesAfter(before, 10).stream()
                .anyMatch(entry -> entry.eventType().equals("UsageEvidenceRecorded")));
        List<StoredEntry> recorded = entries.entriesAfter(before, 10);
        assertThat(recorded).extracting(StoredEntry::eventType)
                .filteredOn(type -> type.startsWith("Usage") || type.startsWith("Spend"))
                .containsExactly("UsageEvidenceRecorded");
        // Kept whole, like spend, with the reported cost and attributes beside it.
        assertThat(payloadOf(recorded, "UsageEvidenceRecorded")).contains("\"evidence\":{",
                "\"recordId\":\"evidence-1\"", "\"source\":\"anthropic:usage-report\"",
                "\"reportedCostUsdMicros\":2900000", "\"workspaceId\":\"wrkspc_1\"");
        // Its audit attributes are read from inside "evidence", so audit queries find it by source and team.
        assertThat(database.count("SELECT count(*) FROM DomainEventEntry WHERE payloadType = 'UsageEvidenceRecorded'"
                + " AND source = 'anthropic:usage-report' AND team = 'platform' AND occurredAt IS NOT NULL"))
                .isEqualTo(1);
    }

    private long quarantined() {
        try {
            return database.count("SELECT count(*) FROM quarantined_message");
        } catch (java.sql.SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static String payloadOf(List<StoredEntry> recorded, String type) {
        return recorded.stream().filter(entry -> entry.eventType().equals(type)).findFirst()
                .map(entry -> new String(entry.payload(), StandardCharsets.UTF_8)).orElseThrow();
    }

    private void awaitHead(long position) {
        Wait.until("ledger head at " + position, WITHIN, () -> entries.head().lastPosition() >= position);
        assertThat(entries.head().lastPosition()).isEqualTo(position);
    }

    private void send(String topic, String key, Object record) throws Exception {
        try (IntakeSender sender = new IntakeSender(TestInfrastructure.kafka().bootstrapServers(), json)) {
            sender.send(TOPIC_PREFIX + topic, key, record);
        }
    }
}
