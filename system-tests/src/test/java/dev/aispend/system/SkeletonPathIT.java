package dev.aispend.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aispend.contracts.Topics;
import dev.aispend.devstack.Wait;
import dev.aispend.testsupport.KafkaProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walking skeleton, end to end: usage posted to ingest over HTTP is recorded once by the ledger, published
 * on ledger.v1, and counted once by policy (team totals) and report (daily spend), even when the client retries
 * and when Kafka delivers a record or a ledger entry a second time.
 */
class SkeletonPathIT {
    private static final Duration WITHIN = Duration.ofSeconds(90);
    private static final String RUN = "skeleton";
    private static final String USAGE_TOPIC = RunningSystem.topicPrefix(RUN) + Topics.USAGE_V1;
    private static final String LEDGER_TOPIC = RunningSystem.topicPrefix(RUN) + Topics.LEDGER_V1;
    private static RunningSystem system;

    @BeforeAll
    static void startSystem() {
        system = RunningSystem.start(RUN);
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void counts_every_accepted_record_exactly_once_in_policy_and_report() {
        KafkaProbe usageTopic = KafkaProbe.on(RunningSystem.kafkaBootstrapServers(), USAGE_TOPIC);
        KafkaProbe ledgerTopic = KafkaProbe.on(RunningSystem.kafkaBootstrapServers(), LEDGER_TOPIC);

        assertThat(postUsage("e2e-1", "platform", "2026-11-20T09:00:00Z", 1000, 100).status()).isEqualTo(202);
        assertThat(postUsage("e2e-2", "platform", "2026-11-21T09:00:00Z", 2000, 200).status()).isEqualTo(202);
        assertThat(postUsage("e2e-3", "research", "2026-11-21T10:00:00Z", 4000, 400).status()).isEqualTo(202);
        // The client did not see the 202 and retries: ingest publishes the same id a second time.
        assertThat(postUsage("e2e-2", "platform", "2026-11-21T09:00:00Z", 2000, 200).status()).isEqualTo(202);
        // Kafka redelivers a record the ledger has already seen (same bytes, later offset).
        ConsumerRecord<String, String> first = usageTopic.recordsSinceCreated(1, WITHIN).get(0);
        publish(USAGE_TOPIC, first.key(), first.value());

        awaitLedgerPublished(3);
        // ledger.v1 delivers an entry a second time: followers must ignore positions they applied.
        ConsumerRecord<String, String> firstEntry = ledgerTopic.recordsSinceCreated(1, WITHIN).get(0);
        publish(LEDGER_TOPIC, firstEntry.key(), firstEntry.value());
        assertThat(postUsage("e2e-4", "platform", "2026-11-22T09:00:00Z", 8000, 800).status()).isEqualTo(202);
        awaitLedgerPublished(4);

        JsonNode platform = awaitPolicyAt("platform", 4);
        assertThat(platform.get("records").asLong()).isEqualTo(3);
        assertThat(platform.get("inputTokens").asLong()).isEqualTo(11_000);
        assertThat(platform.get("outputTokens").asLong()).isEqualTo(1_100);
        JsonNode research = JsonHttp.get(system.url("policy-service") + "/v1/teams/research/spend").body();
        assertThat(research.get("inputTokens").asLong()).isEqualTo(4_000);
        assertThat(research.get("outputTokens").asLong()).isEqualTo(400);

        JsonNode report = awaitReportAt("2026-11-01", "2026-11-30", 4);
        assertThat(report.at("/totals/records").asLong()).isEqualTo(4);
        assertThat(report.at("/totals/tokens/input").asLong()).isEqualTo(15_000);
        assertThat(report.at("/totals/tokens/output").asLong()).isEqualTo(1_500);
        // One row per day, team and model, as the foundation's report had.
        assertThat(JsonHttp.get(system.url("report-service") + "/v1/reports/spend?from=2026-11-01&to=2026-11-30"
                + "&period=day&groupBy=team,model").body().get("rows")).hasSize(4);
        JsonNode onTwentyFirst = JsonHttp.get(system.url("report-service")
                + "/v1/reports/spend?from=2026-11-21&to=2026-11-21").body();
        assertThat(onTwentyFirst.at("/totals/tokens/input").asLong()).isEqualTo(6_000);
    }

    @Test
    void refuses_a_bad_record_with_the_field_named_and_records_nothing() {
        long before = ledgerHead().get("lastPosition").asLong();

        JsonHttp.Response refused = JsonHttp.post(system.url("ingest-service") + "/v1/usage", """
                {"id": "e2e-bad", "occurredAt": "2026-11-22T09:00:00Z", "team": "platform", \
                "person": "bob@example.com", "model": "claude-opus-4-1", "inputTokens": -1, "outputTokens": 10}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("inputTokens");
        assertThat(ledgerHead().get("lastPosition").asLong()).isEqualTo(before);
        JsonHttp.Response badRange = JsonHttp.get(system.url("report-service") + "/v1/reports/spend?from=2026-11-31");
        assertThat(badRange.status()).isEqualTo(400);
        assertThat(badRange.body().get("errors")).extracting(error -> error.get("field").asText())
                .containsExactlyInAnyOrder("from", "to");
    }

    private static JsonHttp.Response postUsage(String id, String team, String occurredAt, long input, long output) {
        return JsonHttp.post(system.url("ingest-service") + "/v1/usage", """
                {"id": "%s", "occurredAt": "%s", "team": "%s", "person": "alice@example.com", \
                "model": "claude-sonnet-4-5", "inputTokens": %d, "outputTokens": %d}"""
                .formatted(id, occurredAt, team, input, output));
    }

    private static JsonNode ledgerHead() {
        return JsonHttp.get(system.url("ledger-service") + "/v1/ledger/head").body();
    }

    private static void awaitLedgerPublished(long position) {
        Wait.until("ledger published through " + position, WITHIN,
                () -> ledgerHead().get("lastPublishedPosition").asLong() >= position);
        assertThat(ledgerHead().get("lastPosition").asLong()).isEqualTo(position);
    }

    private static JsonNode awaitPolicyAt(String team, long position) {
        String url = system.url("policy-service") + "/v1/teams/" + team + "/spend";
        Wait.until("policy at ledger position " + position, WITHIN,
                () -> JsonHttp.get(url).body().get("asOfLedgerPosition").asLong() >= position);
        return JsonHttp.get(url).body();
    }

    private static JsonNode awaitReportAt(String from, String to, long position) {
        String url = system.url("report-service") + "/v1/reports/spend?from=" + from + "&to=" + to;
        Wait.until("report at ledger position " + position, WITHIN,
                () -> JsonHttp.get(url).body().at("/asOf/ledgerPosition").asLong() >= position);
        return JsonHttp.get(url).body();
    }

    private static void publish(String topic, String key, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningSystem.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception failure) {
            throw new IllegalStateException("could not publish to " + topic, failure);
        }
    }
}
