package dev.aispend.report.rebuild;

import dev.aispend.platform.kafka.Backoff;
import dev.aispend.platform.kafka.BatchConsumerLoop;
import dev.aispend.platform.kafka.ConsumerLoopSettings;
import dev.aispend.platform.kafka.TopicNames;
import dev.aispend.platform.ledger.LedgerFollower;
import dev.aispend.platform.ledger.LedgerFollowerConfiguration;
import dev.aispend.platform.ledger.LedgerPayloadDecoder;
import dev.aispend.report.projection.ReportProjection;
import dev.aispend.report.readmodel.GenerationTransactions;
import dev.aispend.report.readmodel.ReadModelSchema;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rebuilds every read model into a fresh generation from a ledger replay, then switches to it (docs/reports.md,
 * Rebuilds). One rebuild at a time; its progress is its generation's checkpoint against the replay's last
 * position. A tick (every second, and after a restart) keeps the rebuild's consumer running, asks the ledger for
 * the next range when a replay is done, and switches once the new generation has applied at least what the
 * serving one has; then it compares both generations' digests at the retired one's last position.
 */
@Singleton
public class Rebuilds {
    private static final Logger LOG = LoggerFactory.getLogger(Rebuilds.class);
    /** With the follower's backoff (up to 30 s between tries) about ten minutes of the same failure. */
    static final int MAX_CONSECUTIVE_FAILURES = 25;

    private final RebuildStore store;
    private final LedgerReplays ledger;
    private final RebuildConfiguration configuration;
    private final RebuildComparison comparison;
    private final DataSource dataSource;
    private final GenerationTransactions transactions;
    private final LedgerPayloadDecoder decoder;
    private final ReportProjection projection;
    private final LedgerFollowerConfiguration follower;
    private final String bootstrapServers;
    private final String topicPrefix;
    private final Map<Integer, BatchConsumerLoop> loops = new ConcurrentHashMap<>();

    Rebuilds(RebuildStore store, LedgerReplays ledger, RebuildConfiguration configuration,
             RebuildComparison comparison, DataSource dataSource, GenerationTransactions transactions,
             LedgerPayloadDecoder decoder, ReportProjection projection, LedgerFollowerConfiguration follower,
             @Value("${kafka.bootstrap.servers}") String bootstrapServers, TopicNames topics) {
        this.store = store;
        this.ledger = ledger;
        this.configuration = configuration;
        this.comparison = comparison;
        this.dataSource = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource);
        this.transactions = transactions;
        this.decoder = decoder;
        this.projection = projection;
        this.follower = follower;
        this.bootstrapServers = bootstrapServers;
        // The deployment's prefix, so the ledger accepts the topic as one of this deployment's replay topics.
        String replay = topics.replay();
        this.topicPrefix = replay.substring(0, replay.length() - "ledger-replay.v1".length())
                + configuration.replayTopicPrefix();
    }

    /** Starts a rebuild: a new generation with the read-model tables, a consumer on its topic, the first replay. */
    public RebuildStore.Row start(String actor) {
        int generation = store.create(topicPrefix, actor);
        try {
            RebuildStore.Row row = store.find(generation).orElseThrow();
            // The replay first: the ledger creates its topic and waits until the broker shows it before it answers,
            // so the consumer subscribes to a topic that exists (subscribing first logged the broker's "unknown
            // topic" WARN at every rebuild); a new group reads from the earliest offset, so nothing is missed.
            requestNext(row, 0);
            startLoop(row);
            return store.find(generation).orElseThrow();
        } catch (RuntimeException failure) {
            stop(generation, "FAILED", "could not start: " + failure.getMessage());
            throw failure;
        }
    }

    public List<RebuildStore.Row> all() {
        return store.all();
    }

    public java.util.Optional<RebuildStore.Row> find(int generation) {
        return store.find(generation);
    }

    public long applied(int generation) {
        return store.applied(generation);
    }

    /** Cancels a rebuild under way: its consumer stops, its tables are dropped; the serving generation stays. */
    public boolean cancel(int generation) {
        // Ended first, under the row's lock: a switch of the same generation either happened already (and this
        // cancels nothing) or will find it CANCELLED.
        if (!store.end(generation, "CANCELLED", null)) {
            return false;
        }
        closeLoop(generation);
        store.dropRetiredBeyond(configuration.keepRetired());
        return true;
    }

    @Scheduled(fixedDelay = "1s", initialDelay = "2s")
    void tick() {
        for (RebuildStore.Row row : store.all()) {
            if (row.state().equals("BUILDING")) {
                try {
                    advance(row);
                } catch (RuntimeException failure) {
                    LOG.warn("rebuild of generation {} did not advance this time: {}", row.generation(),
                            failure.getMessage());
                }
            }
        }
    }

    private void advance(RebuildStore.Row row) {
        int generation = row.generation();
        BatchConsumerLoop loop = startLoop(row);
        if (loop.consecutiveFailures() >= MAX_CONSECUTIVE_FAILURES) {
            // The same batch failed again and again (an entry this build cannot apply): give up loudly rather
            // than stay BUILDING for ever; the serving generation is untouched.
            stop(generation, "FAILED", "the rebuild's consumer failed " + loop.consecutiveFailures()
                    + " times in a row; see the service log");
            return;
        }
        long applied = store.applied(generation);
        if (row.targetPosition() == null || applied < row.targetPosition()) {
            if (row.replayId() != null && isOver(ledger.state(row.replayId()))) {
                requestNext(row, applied);
            }
            return;
        }
        var switched = store.switchTo(generation);
        if (switched.isEmpty()) {
            requestNext(row, applied);
            return;
        }
        int retired = (int) switched.get()[0];
        long position = switched.get()[1];
        closeLoop(generation);
        LOG.info("report read models now served by generation {} (rebuilt); generation {} retired at position {}",
                generation, retired, position);
        comparison.compare(retired, generation, position);
        store.dropRetiredBeyond(configuration.keepRetired());
    }

    /** Whether a replay ended without reaching its target (FAILED, CANCELLED) or is unknown to the ledger. */
    private static boolean isOver(String state) {
        return state == null || state.equals("FAILED") || state.equals("CANCELLED");
    }

    /** Asks the ledger for the next range after {@code applied}, up to its head (in chunks the ledger allows). */
    private void requestNext(RebuildStore.Row row, long applied) {
        long head = ledger.head();
        if (head <= applied) {
            store.replayRequested(row.generation(), row.replayId() == null ? "none" : row.replayId(), applied);
            return;
        }
        // The last chunk runs to the head including the ledger's record of this replay: every replay appends
        // that record, which the serving generation applies, so a rebuild that stopped one short of the head
        // would stay one entry behind it (and never switch) however often it asked again.
        Long to = head - applied < configuration.replayChunkEntries() ? null
                : applied + configuration.replayChunkEntries();
        LedgerReplays.Replay replay = ledger.replay(applied + 1, to, row.replayTopic(), "rebuild of the report "
                + "read models into generation " + row.generation() + ", started by " + row.startedBy());
        store.replayRequested(row.generation(), replay.id(), replay.toPosition());
        LOG.info("rebuild of generation {}: ledger replay {} of positions {}..{} onto {}", row.generation(),
                replay.id(), applied + 1, replay.toPosition(), row.replayTopic());
    }

    private BatchConsumerLoop startLoop(RebuildStore.Row row) {
        return loops.computeIfAbsent(row.generation(), generation -> {
            // Also after a restart: read-model migrations deployed since the rebuild began reach its schema too.
            ReadModelSchema.migrate(dataSource, generation);
            ConsumerLoopSettings settings = new ConsumerLoopSettings(bootstrapServers,
                    follower.consumerGroupOf("rebuild-g" + generation), List.of(row.replayTopic()),
                    configuration.maxBatchEntries(), follower.pollTimeout(),
                    new Backoff(follower.retryInitialDelay(), follower.retryMaxDelay()));
            BatchConsumerLoop loop = new BatchConsumerLoop(settings,
                    new LedgerFollower(decoder, transactions.inGeneration(generation), projection));
            loop.start();
            return loop;
        });
    }

    private void stop(int generation, String state, String failure) {
        closeLoop(generation);
        store.end(generation, state, failure);
    }

    private void closeLoop(int generation) {
        BatchConsumerLoop loop = loops.remove(generation);
        if (loop != null) {
            loop.close();
        }
    }

    @EventListener
    void stopAll(ShutdownEvent event) {
        loops.keySet().forEach(this::closeLoop);
    }
}
