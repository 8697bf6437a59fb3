package dev.aispend.ledger.intake;

import dev.aispend.contracts.Topics;
import dev.aispend.contracts.ledger.LedgerEnvelope;
import dev.aispend.contracts.usage.UsageRecord;
import dev.aispend.devstack.Wait;
import dev.aispend.ledger.IntakeSender;
import dev.aispend.ledger.LedgerTestProperties;
import dev.aispend.ledger.UsageMother;
import dev.aispend.ledger.entries.LedgerEntryStore;
import dev.aispend.testsupport.KafkaProbe;
import dev.aispend.testsupport.TestInfrastructure;
import dev.aispend.testsupport.TestPostgres;
import dev.aispend.testsupport.metrics.PrometheusText;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsageIntakeIT implements TestPropertyProvider {
    private static final Duration WITHIN = Duration.ofSeconds(60);
    /** Topics and a group of its own: with TEST_KAFKA_BOOTSTRAP_SERVERS every module shares one broker. */
    private static final String TOPIC_PREFIX = "ledger-it.";

    @Inject
    JsonMapper json;
    @Inject
    LedgerEntryStore events;
    @Inject
    @Client("/")
    HttpClient http;
    private TestPostgres postgres;
    private String jdbcUrl;

    @Override
    public Map<String, String> getProperties() {
        postgres = TestInfrastructure.postgres();
        jdbcUrl = postgres.createDatabase("ledger_intake");
        Map<String, String> properties = LedgerTestProperties.of(postgres, jdbcUrl, TOPIC_PREFIX, "ledger-it");
        // The operator's gauges read every second, and checkpoints signed every second, so the tests wait little.
        properties.put("consumer-lag.refresh-interval", "1s");
        properties.put("ledger.metrics.refresh-interval", "1s");
        properties.put("ledger.seal.checkpoint-every", "1s");
        return properties;
    }

    @Test
    void records_each_id_once_in_gapless_order_and_publishes_it_to_the_ledger_topic() throws Exception {
        long before = events.head().lastPosition();
        KafkaProbe ledgerTopic = KafkaProbe.on(TestInfrastructure.kafka().bootstrapServers(),
                TOPIC_PREFIX + Topics.LEDGER_V1);
        UsageRecord first = UsageMother.record("intake-1", "platform", 100, 10);
        UsageRecord second = UsageMother.record("intake-2", "data", 200, 20);

        send(first, first, second);
        awaitPublished(before + 2);
        send(first); // a redelivery after the first was recorded
        send(UsageMother.record("intake-3", "data", 300, 30));
        awaitPublished(before + 3);

        List<ConsumerRecord<String, String>> published = ledgerTopic.recordsSinceCreated(3, WITHIN);
        assertThat(published).hasSize(3);
        assertThat(published).extracting(ConsumerRecord::key).containsExactly("platform", "data", "data");
        assertThat(published.get(0).value()).contains("\"position\":" + (before + 1),
                "\"eventType\":\"SpendRecorded\"");
        assertThat(payloadOf(published.get(0))).contains("\"recordId\":\"intake-1\"", "\"unpricedReason\"");
        assertThat(published.get(2).value()).contains("\"position\":" + (before + 3));
        assertThat(payloadOf(published.get(2))).contains("\"recordId\":\"intake-3\"");
        assertThat(countRows("SELECT count(*) FROM DomainEventEntry WHERE aggregateIdentifier = 'usage:intake-1'"))
                .isEqualTo(1);
    }

    @Test
    void flags_an_id_sent_again_with_other_content_once_and_records_nothing_more_for_it() throws Exception {
        long before = events.head().lastPosition();
        KafkaProbe ledgerTopic = KafkaProbe.on(TestInfrastructure.kafka().bootstrapServers(),
                TOPIC_PREFIX + Topics.LEDGER_V1);
        UsageRecord original = UsageMother.record("conflict-1", "platform", 10, 1);
        UsageRecord changed = UsageMother.record("conflict-1", "platform", 99, 1);

        send(original, changed);
        awaitPublished(before + 2);
        send(changed, original); // redeliveries of both versions
        send(UsageMother.record("after-conflict", "platform", 1, 1));
        awaitPublished(before + 3);

        List<ConsumerRecord<String, String>> published = ledgerTopic.recordsSinceCreated(3, WITHIN);
        assertThat(published.get(1).value()).contains("\"eventType\":\"UsageConflictFlagged\"");
        assertThat(payloadOf(published.get(1))).contains("\"usageRecordId\":\"conflict-1\"", "\"inputTokens\":99");
        assertThat(payloadOf(published.get(2))).contains("\"recordId\":\"after-conflict\"");
        assertThat(countRows(
                "SELECT count(*) FROM DomainEventEntry WHERE aggregateIdentifier = 'usage:conflict-1'")).isEqualTo(2);
    }

    @Test
    void exposes_what_it_recorded_and_published_to_prometheus() throws Exception {
        long before = events.head().lastPosition();
        send(UsageMother.record("metrics-1", "platform", 1, 1));
        awaitPublished(before + 1);

        String metrics = scrape();

        assertThat(value(metrics, "aispend_ledger_intake_recorded_total")).isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "aispend_ledger_published_total")).isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "aispend_ledger_intake_batch_records_count")).isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "aispend_ledger_intake_batch_records_sum")).isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "aispend_ledger_intake_batch_duration_seconds_count")).isGreaterThanOrEqualTo(1);
        assertThat(metrics).contains("jvm_memory_used_bytes", "hikaricp_connections");
    }

    @Test
    void exposes_the_intakes_lag_the_seal_and_the_latest_verification_to_prometheus() throws Exception {
        long before = events.head().lastPosition();
        send(UsageMother.record("metrics-2", "platform", 1, 1));
        awaitPublished(before + 1);
        String lag = "aispend_kafka_consumer_lag{group=\"ledger-it\",topic=\"" + TOPIC_PREFIX + Topics.USAGE_V1 + "\"}";

        Wait.until("the intake's lag measured at 0 and every entry under a signed checkpoint", WITHIN, () -> {
            String metrics = scrape();
            return PrometheusText.valueOr(metrics, lag, -1) == 0
                    && PrometheusText.valueOr(metrics, "aispend_ledger_seal_lag_entries", -1) == 0;
        });
        assertThat(value(scrape(), "aispend_ledger_checkpoint_age_seconds")).isBetween(0.0, 60.0);

        Map<?, ?> report = http.toBlocking().retrieve(HttpRequest.GET("/v1/ledger/verify"), Map.class);
        String metrics = scrape();

        assertThat(report.get("verified")).isEqualTo(true);
        assertThat(value(metrics, "aispend_ledger_verification_verified")).isEqualTo(1.0);
        assertThat(value(metrics, "aispend_ledger_verifications_total{result=\"verified\"}")).isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "aispend_ledger_verification_completed_time_seconds"))
                .isCloseTo(Instant.now().getEpochSecond(), within(120.0));
    }

    private String scrape() {
        return http.toBlocking().retrieve("/prometheus");
    }

    private static double value(String metrics, String series) {
        return PrometheusText.value(metrics, series).orElseThrow(() -> new AssertionError(series + " not exposed"));
    }

    @Test
    void quarantines_an_undecodable_message_and_goes_on_recording_the_rest() throws Exception {
        long before = events.head().lastPosition();

        sendRaw("platform", "{\"usageRecordId\": \"broken\"".getBytes(StandardCharsets.UTF_8));
        send(UsageMother.record("after-poison", "platform", 1, 1));
        awaitPublished(before + 1);

        assertThat(countRows("SELECT count(*) FROM quarantined_message")).isEqualTo(1);
    }

    @Test
    void refuses_to_update_or_delete_a_recorded_event() throws Exception {
        long before = events.head().lastPosition();
        send(UsageMother.record("immutable-1", "platform", 5, 5));
        awaitPublished(before + 1);

        assertThatThrownBy(() -> execute("UPDATE DomainEventEntry SET payloadType = 'x'"))
                .hasMessageContaining("the ledger only grows");
        assertThatThrownBy(() -> execute("DELETE FROM DomainEventEntry"))
                .hasMessageContaining("the ledger only grows");
    }

    /** The payload bytes exactly as hashed, as text: what a follower decodes. */
    private String payloadOf(ConsumerRecord<String, String> published) throws IOException {
        LedgerEnvelope envelope = json.readValue(published.value(), LedgerEnvelope.class);
        return new String(envelope.payloadBytes(), StandardCharsets.UTF_8);
    }

    private void awaitPublished(long position) {
        Wait.until("ledger published through position " + position, WITHIN,
                () -> events.head().lastPublishedPosition() >= position);
        assertThat(events.head().lastPosition()).isEqualTo(position);
    }

    private void send(UsageRecord... records) throws Exception {
        try (IntakeSender sender = new IntakeSender(TestInfrastructure.kafka().bootstrapServers(), json)) {
            for (UsageRecord record : records) {
                // One at a time, as the records go to different partitions and the test checks their order.
                sender.send(TOPIC_PREFIX + Topics.USAGE_V1, record.team(), record).awaitAcknowledged();
            }
        }
    }

    /** Bytes that are not a usage record, straight onto usage.v1. */
    private void sendRaw(String key, byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(TOPIC_PREFIX + Topics.USAGE_V1, key, value)).get();
        }
    }

    private long countRows(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, postgres.user(), postgres.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, postgres.user(), postgres.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
