package dev.aispend.policy.check;

import com.zaxxer.hikari.HikariDataSource;
import dev.aispend.platform.kafka.TopicNames;
import dev.aispend.testsupport.ledger.ProjectionDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The relay against real PostgreSQL and a publisher that stands for the broker: rows leave the outbox only once
 * every record of their batch was acknowledged; a failing broker leaves them all for the next attempt; batches
 * are bounded and go oldest first.
 */
class CheckDecisionRelayIT {
    private final ProjectionDatabase database = ProjectionDatabase.create("policy-relay");
    private final List<String> sent = new ArrayList<>();
    private HikariDataSource pool;
    private boolean brokerAway;

    @BeforeEach
    void migrate() {
        database.migrateTo("latest");
        pool = TestPools.pool(database);
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void deletes_a_batch_only_after_the_broker_acknowledged_all_of_it() {
        CheckMetrics metrics = new CheckMetrics(new SimpleMeterRegistry());
        CheckDecisionRelay relay = relay(metrics, 2);
        outbox("d1", "d2", "d3");
        brokerAway = true;

        assertThatThrownBy(relay::publishNextBatch).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stay in the outbox");
        assertThat(relay.depth()).isEqualTo(3);

        brokerAway = false;
        assertThat(relay.publishNextBatch()).isEqualTo(2);
        assertThat(relay.publishNextBatch()).isEqualTo(1);
        assertThat(relay.publishNextBatch()).isZero();

        assertThat(relay.depth()).isZero();
        // Sent in outbox order, the failed attempt's sends included: the ledger records each decision once.
        assertThat(sent).containsExactly("check:d1", "check:d2", "check:d1", "check:d2", "check:d3");
        assertThat(metrics.outboxDepth()).isZero();
    }

    private CheckDecisionRelay relay(CheckMetrics metrics, int batchSize) {
        CheckConfiguration defaults = CheckConfiguration.defaults();
        CheckConfiguration configuration = new CheckConfiguration(defaults.reservationTtl(),
                defaults.maxReservationTtl(), defaults.maxEstimatedCostUsdMicros(),
                defaults.maxEstimatedTokensPerType(), defaults.expiryInterval(), defaults.expiryBatchSize(),
                defaults.idempotencyRetention(), batchSize, defaults.relayInterval(), defaults.relayLinger(),
                defaults.publishTimeout(),
                defaults.relayRetryMaxDelay(), defaults.decisionsTopicPartitions());
        CheckDecisionPublisher publisher = (topic, subject, decision) -> {
            assertThat(topic).isEqualTo("decisions.v1");
            assertThat(new String(decision, StandardCharsets.UTF_8)).startsWith("{\"decisionId\"");
            sent.add(subject);
            return brokerAway ? CompletableFuture.<RecordMetadata>failedFuture(new TimeoutException("broker away"))
                    : CompletableFuture.completedFuture(null);
        };
        return new CheckDecisionRelay(TestPools.transactionsOf(pool), publisher, new CheckDecisionSignal(),
                configuration, metrics, new TopicNames(""), "127.0.0.1:1", (short) 1);
    }

    private void outbox(String... checkIds) {
        for (String checkId : checkIds) {
            database.execute("INSERT INTO check_decision_outbox (decision_id, subject, payload, created_at) VALUES ('"
                    + "CHECK:" + checkId + "', 'check:" + checkId + "', '{\"decisionId\": \"CHECK:" + checkId
                    + "\"}', now())");
        }
    }
}
