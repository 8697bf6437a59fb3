package dev.aispend.policy.check;

import dev.aispend.platform.kafka.Backoff;
import dev.aispend.platform.kafka.TopicNames;
import dev.aispend.platform.kafka.TopicProvisioner;
import dev.aispend.platform.ledger.LedgerTransactions;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes the check decisions of the outbox (check_decision_outbox) to decisions.v1, oldest first, in batches:
 * a batch is read and locked ({@code FOR UPDATE SKIP LOCKED}, so several instances share the work instead of
 * sending the same rows), sent, and deleted only once the broker acknowledged every record of it, all in one
 * transaction. A broker that is away fails the batch: the rows stay for the next attempt, after a growing pause.
 * A crash after the send and before the commit sends the batch again, which the ledger records once (decisionId).
 * Runs on a thread of its own, woken by a committed check (then waiting {@code checks.relay-linger} for the checks
 * that follow, so one batch carries many) and otherwise every {@code checks.relay-interval}.
 */
@Singleton
public final class CheckDecisionRelay {
    private static final Logger LOG = LoggerFactory.getLogger(CheckDecisionRelay.class);

    private record Row(long id, String subject, String payload) {
    }

    private final LedgerTransactions transactions;
    private final CheckDecisionPublisher publisher;
    private final CheckDecisionSignal signal;
    private final CheckConfiguration configuration;
    private final CheckMetrics metrics;
    private final String topic;
    private final String bootstrapServers;
    private final short replicationFactor;
    private final Backoff backoff;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private volatile Thread thread;
    private volatile boolean running;
    private volatile int consecutiveFailures;

    CheckDecisionRelay(LedgerTransactions transactions, CheckDecisionPublisher publisher, CheckDecisionSignal signal,
                       CheckConfiguration configuration, CheckMetrics metrics, TopicNames topics,
                       @Value("${kafka.bootstrap.servers}") String bootstrapServers,
                       @Value("${ledger-follower.topic-replication-factor:1}") short replicationFactor) {
        this.transactions = transactions;
        this.publisher = publisher;
        this.signal = signal;
        this.configuration = configuration;
        this.metrics = metrics;
        this.topic = topics.decisions();
        this.bootstrapServers = bootstrapServers;
        this.replicationFactor = replicationFactor;
        this.backoff = new Backoff(Duration.ofMillis(100), configuration.relayRetryMaxDelay());
    }

    @EventListener
    void start(StartupEvent event) {
        try {
            // The ledger creates decisions.v1 too; whichever starts first wins, and an existing topic is left as is.
            TopicProvisioner.createIfMissing(bootstrapServers, List.of(
                    new NewTopic(topic, configuration.decisionsTopicPartitions(), replicationFactor)));
        } catch (RuntimeException brokerAway) {
            LOG.warn("could not make sure {} exists; check decisions wait in the outbox until it does", topic,
                    brokerAway);
        }
        running = true;
        thread = new Thread(this::run, "check-decision-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /** On ShutdownEvent, before beans are destroyed: the pool and the producer are still open. */
    @EventListener
    void stop(ShutdownEvent event) {
        running = false;
        stopRequested.countDown();
        signal.wakeUp();
        Thread worker = thread;
        if (worker != null) {
            try {
                worker.join(configuration.publishTimeout().plusSeconds(5).toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    private void run() {
        while (running) {
            try {
                long seen = signal.commitsSoFar();
                int published = publishNextBatch();
                consecutiveFailures = 0;
                metrics.relayFailures(0);
                if (published < configuration.decisionBatchSize()) {
                    depth();
                    signal.awaitCommitAfter(seen, configuration.relayInterval());
                    // Woken by a check: let the checks of the next moment join its batch. One relay transaction
                    // per check would compete with the checks themselves for the database and the CPU.
                    if (signal.commitsSoFar() > seen && !pause(configuration.relayLinger())) {
                        return;
                    }
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException failure) {
                consecutiveFailures++;
                metrics.relayFailures(consecutiveFailures);
                Duration delay = backoff.delayAfter(consecutiveFailures);
                LOG.warn("publishing check decisions to {} failed ({} in a row); retrying in {} ms", topic,
                        consecutiveFailures, delay.toMillis(), failure);
                if (!pause(delay)) {
                    return;
                }
            }
        }
    }

    /** Publishes one batch of the outbox and deletes it; returns how many decisions it published. */
    public int publishNextBatch() {
        int published = transactions.inTransaction(connection -> {
            try {
                List<Row> batch = lockBatch(connection);
                if (!batch.isEmpty()) {
                    send(batch);
                    delete(connection, batch);
                }
                return batch.size();
            } catch (SQLException failure) {
                throw new ReservationStoreException("could not relay check decisions", failure);
            }
        });
        metrics.published(published);
        return published;
    }

    /** How many check decisions wait in the outbox; also what the depth gauge shows from now on. */
    public long depth() {
        long depth = transactions.inTransaction(connection -> {
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT count(*) FROM check_decision_outbox"); ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            } catch (SQLException failure) {
                throw new ReservationStoreException("could not count the outbox", failure);
            }
        });
        metrics.outboxDepth(depth);
        return depth;
    }

    private List<Row> lockBatch(Connection connection) throws SQLException {
        List<Row> batch = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT id, subject, payload FROM check_decision_outbox ORDER BY id LIMIT ?
                FOR UPDATE SKIP LOCKED""")) {
            select.setInt(1, configuration.decisionBatchSize());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    batch.add(new Row(rows.getLong(1), rows.getString(2), rows.getString(3)));
                }
            }
        }
        return batch;
    }

    private void send(List<Row> batch) {
        CompletableFuture<?>[] acknowledgements = new CompletableFuture<?>[batch.size()];
        try {
            for (int index = 0; index < batch.size(); index++) {
                Row row = batch.get(index);
                acknowledgements[index] = publisher.publish(topic, row.subject(),
                        row.payload().getBytes(StandardCharsets.UTF_8));
            }
            CompletableFuture.allOf(acknowledgements)
                    .get(configuration.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException notAcknowledged) {
            throw new IllegalStateException("the broker did not acknowledge " + batch.size()
                    + " check decisions on " + topic + "; they stay in the outbox", notAcknowledged);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing check decisions", interrupted);
        }
    }

    private static void delete(Connection connection, List<Row> batch) throws SQLException {
        Long[] ids = batch.stream().map(Row::id).toArray(Long[]::new);
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM check_decision_outbox WHERE id = ANY (?)")) {
            delete.setArray(1, connection.createArrayOf("bigint", ids));
            delete.executeUpdate();
        }
    }

    /** Backs off while the broker or database recovers; false when stop() ended the wait. */
    private boolean pause(Duration delay) {
        try {
            return !stopRequested.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
