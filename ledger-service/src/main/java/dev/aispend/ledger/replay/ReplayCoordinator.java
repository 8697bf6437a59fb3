package dev.aispend.ledger.replay;

import dev.aispend.contracts.ledger.ReplayRequested;
import dev.aispend.ledger.append.LedgerAppender;
import dev.aispend.ledger.entries.LedgerEntryStore;
import dev.aispend.ledger.publication.SealedBatchPublisher;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Accepts, runs and cancels replays. At most {@code ledger.replay.max-concurrent} run at once: a permit is taken
 * before a replay is stored and given back when its job ends, so an accepted replay always starts at once and a
 * request beyond the limit is refused rather than queued without bound. Jobs run on threads of their own, never
 * on the HTTP event loop or the shared blocking pool. A replay is accepted in one appending transaction that
 * stores it and appends its {@link ReplayRequested} entry (who asked, for what range, why): no replay runs
 * without its record in the ledger.
 */
@Singleton
public final class ReplayCoordinator {
    static final String RESTARTED = "interrupted by a restart";
    private static final Logger LOG = LoggerFactory.getLogger(ReplayCoordinator.class);

    private final ReplayConfiguration configuration;
    private final ReplayStore store;
    private final ReplayTopics topics;
    private final LedgerEntryStore entries;
    private final SealedBatchPublisher batchPublisher;
    private final LedgerAppender appender;
    private final ReplayRequestValidator validator;
    private final Semaphore running;
    private final ExecutorService executor;
    private final Clock clock = Clock.systemUTC();

    ReplayCoordinator(ReplayConfiguration configuration, ReplayStore store, ReplayTopics topics,
                      LedgerEntryStore entries, SealedBatchPublisher batchPublisher, LedgerAppender appender) {
        this.configuration = configuration;
        this.store = store;
        this.topics = topics;
        this.entries = entries;
        this.batchPublisher = batchPublisher;
        this.appender = appender;
        this.validator = new ReplayRequestValidator(configuration.maxRangeEntries(), topics.defaultTopic(),
                topics.ledgerOwnTopics());
        this.running = new Semaphore(configuration.maxConcurrent());
        this.executor = Executors.newFixedThreadPool(configuration.maxConcurrent(), replayThreads());
    }

    /**
     * Validates against the head as it is now, makes sure the topic exists, then in one appending transaction
     * validates again against the locked head, stores the replay as RUNNING and appends its ReplayRequested entry
     * with {@code actor} (the authenticated caller); then starts it. Throws InvalidReplayException (400) or
     * ReplayBusyException (429); on any failure before the commit nothing is stored or appended.
     */
    public ReplayProgress start(ReplayRequest request, String actor) throws Exception {
        ReplayPlan checked = validator.validate(request, entries.head().lastPosition());
        if (!running.tryAcquire()) {
            throw new ReplayBusyException(configuration.maxConcurrent());
        }
        String id = UUID.randomUUID().toString();
        ReplayPlan plan;
        try {
            // Outside the transaction: creating a topic is a broker round trip, not to be done holding the head.
            topics.ensureSinglePartition(checked.topic());
            plan = appender.append(context -> {
                ReplayPlan locked = validator.validate(request, context.headBefore());
                store.insertRunning(id, locked);
                context.publish(new ReplayRequested(id, actor, locked.fromPosition(), locked.toPosition(),
                        locked.topic(), locked.reason(), clock.instant()), null);
                return locked;
            });
        } catch (Exception | Error refused) {
            // Not started (invalid, topic refused, database failure): the permit was never handed to a job.
            running.release();
            throw refused;
        }
        // Read before the job starts: the answer shows the replay as accepted (RUNNING, nothing published).
        ReplayProgress accepted = store.find(id).orElseThrow();
        ReplayJob job = new ReplayJob(id, plan, batchPublisher, store, configuration);
        try {
            executor.execute(() -> {
                try {
                    job.run();
                } finally {
                    running.release();
                }
            });
        } catch (RuntimeException rejected) {
            // Recorded but cannot run (the pool is shutting down): say so on the replay rather than leave it RUNNING.
            running.release();
            store.finish(id, ReplayState.FAILED, "not started: " + rejected.getMessage());
            throw rejected;
        }
        return accepted;
    }

    public Optional<ReplayProgress> find(String id) {
        return store.find(id);
    }

    /**
     * Marks a RUNNING replay CANCELLED; its job sees that when it records its next batch and stops there.
     * Returns the replay as it now stands (a replay already in a final state is left as it was).
     */
    public Optional<ReplayProgress> cancel(String id) {
        store.finish(id, ReplayState.CANCELLED, null);
        return store.find(id);
    }

    /** No job survives a restart: whatever was RUNNING stopped somewhere after its recorded progress. */
    @EventListener
    void failInterruptedReplays(StartupEvent event) {
        int interrupted = store.failAllRunning(RESTARTED);
        if (interrupted > 0) {
            LOG.warn("marked {} replays interrupted by a restart as FAILED; each can be resumed after its "
                    + "publishedPosition", interrupted);
        }
    }

    /** Before the pool and the producer close: a job interrupted here records itself FAILED. */
    @EventListener
    void stopJobs(ShutdownEvent event) {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("replay jobs did not stop within 30 s; the next start marks them FAILED");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory replayThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "ledger-replay-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
