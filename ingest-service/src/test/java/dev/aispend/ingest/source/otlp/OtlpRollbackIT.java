package dev.aispend.ingest.source.otlp;

import dev.aispend.contracts.identity.IdentityLink;
import dev.aispend.contracts.identity.Reidentification;
import dev.aispend.contracts.outcome.OutcomeRecord;
import dev.aispend.contracts.usage.UsageRecord;
import dev.aispend.ingest.IngestTestProperties;
import dev.aispend.ingest.kafka.IntakePublisher;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * When Kafka does not acknowledge, the export is answered 503 with Retry-After and the cumulative series' state
 * rolls back with it: the exporter's retry counts the same increase under the same ids.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OtlpRollbackIT implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    BrokerAway broker;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(IngestTestProperties.of("otlp-rollback-it."));
        properties.put("otlp-rollback-it.broker-away", "true");
        return properties;
    }

    @Test
    void a_retry_after_an_unacknowledged_cumulative_export_counts_the_same_increase_under_the_same_ids() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
        OtlpPosts.json(http, "/v1/metrics", "claude-code-metrics-cumulative-1.json", at);
        broker.attempted.clear();
        broker.away = true;

        assertThatThrownBy(() -> OtlpPosts.json(http, "/v1/metrics", "claude-code-metrics-cumulative-2.json", at))
                .isInstanceOfSatisfying(HttpClientResponseException.class, refused -> {
                    assertThat(refused.getStatus().getCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.getCode());
                    assertThat(refused.getResponse().getHeaders().get("Retry-After")).isNotBlank();
                });
        List<UsageRecord> refusedAttempt = List.copyOf(broker.attempted);
        broker.attempted.clear();
        broker.away = false;
        OtlpPosts.json(http, "/v1/metrics", "claude-code-metrics-cumulative-2.json", at);

        // The refused attempt stopped sending at its first failed send; what it did send, the retry sends again
        // under the same ids, with every increase.
        assertThat(refusedAttempt).isNotEmpty();
        assertThat(broker.attempted).extracting(record -> record.tokens().inputTokens() + record.tokens().outputTokens())
                .containsExactlyInAnyOrder(500L, 60L);
        assertThat(broker.attempted).extracting(UsageRecord::usageRecordId)
                .containsAll(refusedAttempt.stream().map(UsageRecord::usageRecordId).toList());
    }

    /** A broker that acknowledges, or, while {@code away}, never does (a failed send, as after a timeout). */
    @Singleton
    @Replaces(IntakePublisher.class)
    @Requires(property = "otlp-rollback-it.broker-away", value = "true")
    static final class BrokerAway implements IntakePublisher {
        volatile boolean away;
        final List<UsageRecord> attempted = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<RecordMetadata> publishUsage(String topic, String team, UsageRecord record) {
            attempted.add(record);
            return away ? CompletableFuture.failedFuture(new TimeoutException("broker away"))
                    : CompletableFuture.completedFuture(metadata(topic));
        }

        @Override
        public CompletableFuture<RecordMetadata> publishOutcome(String topic, String team, OutcomeRecord record) {
            return CompletableFuture.completedFuture(metadata(topic));
        }

        @Override
        public CompletableFuture<RecordMetadata> publishLink(String topic, String aliasRef, IdentityLink link) {
            return CompletableFuture.completedFuture(metadata(topic));
        }

        @Override
        public CompletableFuture<RecordMetadata> publishReidentification(String topic, String personRef,
                                                                         Reidentification act) {
            return CompletableFuture.completedFuture(metadata(topic));
        }

        private static RecordMetadata metadata(String topic) {
            return new RecordMetadata(new TopicPartition(topic, 0), 0, 0, 0, 0, 0);
        }
    }
}
