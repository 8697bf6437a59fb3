package dev.aispend.policy.decision;

import dev.aispend.contracts.policy.PolicyDecision;
import dev.aispend.platform.kafka.TopicNames;
import dev.aispend.platform.ledger.LedgerEvent;
import dev.aispend.platform.ledger.LedgerPayloadDecoder;
import dev.aispend.platform.ledger.LedgerReader;
import dev.aispend.policy.rules.PolicyProjection;
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
 * The gamification evaluator inside the policy projection's transaction: evaluates a delivery entry by entry,
 * sends the decisions to {@code decisions.v1} and waits for the broker, before the checkpoint commits. Its state
 * is in memory: when it is not exactly at the position before the delivery (first start, a rolled-back delivery,
 * a rebuild), it is rebuilt by replaying ledger.v1 from position 1 up to there into a fresh evaluator, without
 * sending (those decisions were sent when their entries were applied). A delivery evaluated again gives the same
 * decisions with the same ids, which the ledger records once.
 */
@Singleton
public class GamificationEvaluation implements PolicyProjection.LedgerStep {
    private static final Logger LOG = LoggerFactory.getLogger(GamificationEvaluation.class);

    private final DecisionPublisher publisher;
    private final TopicNames topics;
    private final LedgerPayloadDecoder decoder;
    private final String bootstrapServers;
    private final Duration sendTimeout;
    private GamificationEvaluator evaluator = new GamificationEvaluator();

    GamificationEvaluation(DecisionPublisher publisher, TopicNames topics, LedgerPayloadDecoder decoder,
                           @Value("${kafka.bootstrap.servers}") String bootstrapServers,
                           @Value("${policy.decisions.send-timeout:30s}") Duration sendTimeout) {
        this.publisher = publisher;
        this.topics = topics;
        this.decoder = decoder;
        this.bootstrapServers = bootstrapServers;
        this.sendTimeout = sendTimeout;
    }

    /**
     * First of the steps: a rebuild replays the whole ledger, seconds for a long one, and must not do so while the
     * delivery's transaction holds the budget rows the budget evaluator and settlement lock (every check waits for
     * them). It writes nothing the others read.
     */
    @Override
    public int order() {
        return -10;
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
        DecisionSending.sendAll(publisher, topics.decisions(), decisions, sendTimeout, "gamification");
        evaluator = working;
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

    @Override
    public synchronized void reset(Connection connection) {
        evaluator = new GamificationEvaluator();
    }
}
