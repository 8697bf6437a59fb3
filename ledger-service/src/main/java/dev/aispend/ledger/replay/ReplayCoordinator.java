package dev.aispend.ledger.replay;

import dev.aispend.ledger.entries.LedgerEntryStore;
import dev.aispend.ledger.publication.SealedBatchPublisher;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * on the HTTP event loop or the shared blocking pool.
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
    private final ReplayRequestValidator validator;
    private final Semaphore running;
    private final ExecutorService executor;

    ReplayCoordinator(ReplayConfiguration configuration, ReplayStore store, ReplayTopics topics,
                      LedgerEntryStore entries, SealedBatchPublisher batchPublisher) {
        this.configuration = configuration;
        this.store = store;
        this.topics = topics;
        this.entries = entries;
        this.batchPublisher = batchPublisher;
        this.validator = new ReplayRequestValidator(configuration.maxRangeEntries(), topics.defaultTopic(),
                topics.ledgerOwnTopics());
        this.running = new Semaphore(configuration.maxConcurrent());
        this.executor = Executors.newFixedThreadPool(configuration.maxConcurrent(), replayThreads());
    }

    /**
     * Validates against the head as it is now, makes sure the topic exists, stores the replay as RUNNING and
     * starts it. Throws InvalidReplayException (400) or ReplayBusyException (429).
     */
    public ReplayProgress start(ReplayRequest request) {
        ReplayPlan plan = validator.validate(request, entries.head().lastPosition());
        if (!running.tryAcquire()) {
            throw new ReplayBusyException(configuration.maxConcurrent());
        }
        try {
            topics.ensureSinglePartition(plan.topic());
            String id = UUID.randomUUID().toString();
            store.insertRunning(id, plan);
            // Read before the job starts: the answer shows the replay as accepted (RUNNING, nothing published).
            ReplayProgress accepted = store.find(id).orElseThrow();
            ReplayJob job = new ReplayJob(id, plan, batchPublisher, store, configuration);
            executor.execute(() -> {
                try {
                    job.run();
                } finally {
                    running.release();
                }
            });
            return accepted;
        } catch (RuntimeException refused) {
            // Not started (topic refused, database or executor failure): the permit was never handed to a job.
            running.release();
            throw refused;
        }
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
