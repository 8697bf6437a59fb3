package dev.aispend.policy.decision;

import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.platform.kafka.TopicNames;
import dev.aispend.platform.ledger.LedgerEvent;
import dev.aispend.platform.ledger.LedgerPayloadDecoder;
import dev.aispend.platform.ledger.LedgerReader;
import dev.aispend.platform.ledger.LedgerProjection;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code gamification} projection of ledger.v1: evaluates a delivery entry by entry, sends the decisions to
 * {@code decisions.v1} and waits for the broker, and records the gamification decisions the ledger recorded
 * ({@link GamificationRecordsWriter}), before its checkpoint commits. A projection of its own (own consumer,
 * checkpoint and rebuild), so that its replay never holds up the budget evaluator and the checks: its state is in
 * memory, and when it is not exactly at the position before the delivery (first start, a rolled-back delivery, a
 * rebuild), it is rebuilt by replaying ledger.v1 from position 1 up to there into a fresh evaluator, without sending
 * (those decisions were sent when their entries were applied). A delivery evaluated again gives the same decisions
 * with the same ids, which the ledger records once.
 */
@Singleton
public class GamificationEvaluation implements LedgerProjection {
    public static final String NAME = "gamification";

    private static final Logger LOG = LoggerFactory.getLogger(GamificationEvaluation.class);

    private final DecisionPublisher publisher;
    private final GamificationRecordsWriter records;
    private final TopicNames topics;
    private final LedgerPayloadDecoder decoder;
    private final String bootstrapServers;
    private final Duration sendTimeout;
    private final DecisionMetrics metrics;
    private GamificationEvaluator evaluator = new GamificationEvaluator();

    GamificationEvaluation(DecisionPublisher publisher, GamificationRecordsWriter records, TopicNames topics,
                           LedgerPayloadDecoder decoder,
                           @Value("${kafka.bootstrap.servers}") String bootstrapServers,
                           @Value("${policy.decisions.send-timeout:30s}") Duration sendTimeout,
                           DecisionMetrics metrics) {
        this.publisher = publisher;
        this.records = records;
        this.topics = topics;
        this.decoder = decoder;
        this.bootstrapServers = bootstrapServers;
        this.sendTimeout = sendTimeout;
        this.metrics = metrics;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized void apply(Connection connection, List<LedgerEvent> events) {
        long before = events.get(0).position() - 1;
        if (evaluator.appliedThrough() != before) {
            evaluator = replayed(before);
        }
        GamificationEvaluator working = evaluator;
        // Marked stale until the decisions are sent: a failure below leaves a state the next delivery replaces.
        evaluator = new GamificationEvaluator();
        List<PolicyDecision> decisions = new ArrayList<>();
        for (LedgerEvent event : events) {
            decisions.addAll(working.apply(event));
        }
        DecisionSending.sendAll(publisher, topics.decisions(), decisions, sendTimeout, "gamification", metrics);
        evaluator = working;
        records.apply(connection, events);
    }

    /** A fresh evaluator that has applied positions 1 through {@code through}, its decisions discarded. */
    private GamificationEvaluator replayed(long through) {
        GamificationEvaluator fresh = new GamificationEvaluator();
        if (through == 0) {
            return fresh;
        }
        long started = System.nanoTime();
        try (LedgerReader reader = new LedgerReader(bootstrapServers, topics.ledger(), decoder)) {
            reader.readThrough(through, fresh::apply);
        } catch (IOException failure) {
            throw new IllegalStateException("could not replay ledger.v1 through position " + through
                    + " into the gamification evaluator", failure);
        }
        LOG.info("gamification evaluator rebuilt from ledger.v1 positions 1..{} in {} ms", through,
                (System.nanoTime() - started) / 1_000_000);
        return fresh;
    }

    /** Drops the in-memory state, as a restart does: the next delivery rebuilds it from ledger.v1. */
    synchronized void forgetState() {
        evaluator = new GamificationEvaluator();
    }

    @Override
    public synchronized void reset(Connection connection) {
        evaluator = new GamificationEvaluator();
        records.reset(connection);
    }
}
