package dev.aispend.ledger.upcast;

import dev.aispend.contracts.Topics;
import dev.aispend.contracts.usage.UsageRecord;
import dev.aispend.devstack.Wait;
import dev.aispend.ledger.IntakeSender;
import dev.aispend.ledger.LedgerTestProperties;
import dev.aispend.ledger.TestLedgerDatabase;
import dev.aispend.ledger.UsageMother;
import dev.aispend.ledger.entries.LedgerEntryStore;
import dev.aispend.ledger.intake.UsageContentHash;
import dev.aispend.testsupport.KafkaProbe;
import dev.aispend.testsupport.TestInfrastructure;
import dev.aispend.testsupport.TestPostgres;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entries the foundation stored (schema V1, its event classes, no seal) stay readable and verifiable: the
 * database is built at V1 with two foundation usage events in the foundation's exact JSON, then the service
 * starts and migrates it. The old entries are sealed in place, verify, are published with their stored type,
 * count for idempotency (a redelivery records nothing) and load into the aggregate (a conflict is flagged).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FoundationEventsIT implements TestPropertyProvider {
    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final String TOPIC_PREFIX = "foundation-it.";
    private static final String LEGACY_TYPE = "dev.aispend.ledger.api.UsageRecordedEvent";

    @Inject
    JsonMapper json;
    @Inject
    LedgerEntryStore entries;
    @Inject
    @Client("/")
    HttpClient http;
    private TestLedgerDatabase database;

    @Override
    public Map<String, String> getProperties() {
        TestPostgres postgres = TestInfrastructure.postgres();
        String jdbcUrl = postgres.createDatabase("ledger_foundation");
        database = new TestLedgerDatabase(jdbcUrl, postgres.user(), postgres.password());
        Flyway.configure().dataSource(jdbcUrl, postgres.user(), postgres.password()).target("1").load().migrate();
        storeFoundationEvent("old-1", 1200, "2026-11-22T10:15:32.100Z");
        storeFoundationEvent("old-2", 800, "2026-11-22T10:15:33Z");
        return LedgerTestProperties.of(postgres, jdbcUrl, TOPIC_PREFIX, "foundation-it");
    }

    @Test
    void seals_verifies_publishes_and_keeps_counting_the_foundation_entries() throws Exception {
        Wait.until("the foundation entries published", WITHIN, () -> entries.head().lastPublishedPosition() >= 2);
        assertThat(entries.entriesAfter(0, 1).get(0).toEnvelope().eventType()).isEqualTo(LEGACY_TYPE);
        KafkaProbe ledgerTopic = KafkaProbe.on(TestInfrastructure.kafka().bootstrapServers(),
                TOPIC_PREFIX + Topics.LEDGER_V1);
        @SuppressWarnings("unchecked")
        Map<String, Object> report = http.toBlocking().retrieve("/v1/ledger/verify", Map.class);
        assertThat(report).containsEntry("verified", true).containsEntry("verifiedEntries", 2);
        assertThat(database.count("SELECT count(*) FROM idempotency_key WHERE kind = 'usage'")).isEqualTo(2);

        send(UsageMother.record("old-1", "platform", 1200, 340)); // a redelivery of what the foundation recorded
        send(UsageMother.record("old-2", "platform", 9999, 340)); // the same id with other content
        Wait.until("the conflict recorded", WITHIN, () -> entries.head().lastPublishedPosition() >= 3);

        List<ConsumerRecord<String, String>> published = ledgerTopic.recordsSinceCreated(1, WITHIN);
        assertThat(published.get(0).value()).contains("\"eventType\":\"UsageConflictFlagged\"", "\"position\":3");
        assertThat(entries.head().lastPosition()).isEqualTo(3);
        @SuppressWarnings("unchecked")
        Map<String, Object> after = http.toBlocking().retrieve("/v1/ledger/verify", Map.class);
        assertThat(after).containsEntry("verified", true).containsEntry("verifiedEntries", 3);
    }

    /** The foundation's exact row: its class name as type, revision 1, its JSON field order. */
    private void storeFoundationEvent(String id, long inputTokens, String recordedAt) {
        UsageRecord record = UsageMother.record(id, "platform", inputTokens, 340);
        String payload = ("{\"usageRecordId\":\"%s\",\"occurredAt\":\"2026-11-22T10:15:30Z\","
                + "\"receivedAt\":\"2026-11-22T10:15:31Z\",\"source\":\"api\",\"team\":\"platform\","
                + "\"personRef\":\"%s\",\"model\":\"%s\",\"tokens\":{\"inputTokens\":%d,\"outputTokens\":340,"
                + "\"cacheReadTokens\":0,\"cacheWrite5mTokens\":0,\"cacheWrite1hTokens\":0,\"reasoningTokens\":0},"
                + "\"contentSha256\":\"%s\"}").formatted(id, UsageMother.PERSON, UsageMother.MODEL, inputTokens,
                UsageContentHash.of(record));
        try (Connection connection = database.connect();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry "
                     + "(aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData, payload, payloadRevision, "
                     + "payloadType, timeStamp) VALUES (?, 0, 'UsageRecordAggregate', ?, "
                     + "convert_to('{\"traceId\":\"t-1\",\"correlationId\":\"c-1\"}', 'UTF8'), ?, '1', ?, ?)")) {
            insert.setString(1, "usage:" + id);
            insert.setString(2, "foundation-event-" + id);
            insert.setBytes(3, payload.getBytes(StandardCharsets.UTF_8));
            insert.setString(4, LEGACY_TYPE);
            insert.setString(5, recordedAt);
            insert.executeUpdate();
        } catch (Exception failure) {
            throw new IllegalStateException(failure);
        }
    }

    private void send(UsageRecord record) throws Exception {
        try (IntakeSender sender = new IntakeSender(TestInfrastructure.kafka().bootstrapServers(), json)) {
            sender.send(TOPIC_PREFIX + Topics.USAGE_V1, record.team(), record);
        }
    }
}
