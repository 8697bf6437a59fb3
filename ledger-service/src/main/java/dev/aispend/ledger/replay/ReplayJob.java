package dev.aispend.ledger.replay;

import dev.aispend.ledger.entries.StoredEntry;
import dev.aispend.ledger.publication.SealedBatchPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * Re-publishes one range of stored entries, in position order, batch by batch: read a batch (its own short read
 * transaction, so a replay of millions of entries holds one batch in memory and no long-lived snapshot), send
 * it exactly as ledger.v1 carried it (same envelope, same key), wait until the broker acknowledged all of it
 * (acks=all), and only then record the progress. Recording the progress returns the stored state, which is how
 * a cancel, written to the row by any request, stops the job at the next batch boundary. It only reads the
 * ledger: nothing here can append.
 */
final class ReplayJob implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ReplayJob.class);
    static final String SHUTDOWN = "interrupted by a shutdown of the service";

    private final String id;
    private final ReplayPlan plan;
    private final SealedBatchPublisher batchPublisher;
    private final ReplayStore store;
    private final int batchEntries;
    private final Duration acknowledgementTimeout;

    ReplayJob(String id, ReplayPlan plan, SealedBatchPublisher batchPublisher,
              ReplayStore store, ReplayConfiguration configuration) {
        this.id = id;
        this.plan = plan;
        this.batchPublisher = batchPublisher;
        this.store = store;
        this.batchEntries = configuration.batchEntries();
        this.acknowledgementTimeout = configuration.acknowledgementTimeout();
    }

    @Override
    public void run() {
        try {
            long published = plan.fromPosition() - 1;
            while (published < plan.toPosition()) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException();
                }
                published = publishBatchAfter(published);
                if (store.recordProgress(id, published) != ReplayState.RUNNING) {
                    LOG.info("replay {} stopped after position {}: no longer running", id, published);
                    return;
                }
            }
            store.finish(id, ReplayState.COMPLETED, null);
            LOG.info("replay {} of positions {}..{} to {} completed", id, plan.fromPosition(), plan.toPosition(),
                    plan.topic());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            store.finish(id, ReplayState.FAILED, SHUTDOWN);
        } catch (RuntimeException failure) {
            LOG.error("replay {} failed", id, failure);
            store.finish(id, ReplayState.FAILED, String.valueOf(failure.getMessage()));
        }
    }

    /** Sends the batch after {@code published} and returns the last position the broker acknowledged. */
    private long publishBatchAfter(long published) throws InterruptedException {
        List<StoredEntry> batch = batchPublisher.publishAfter(plan.topic(), published, plan.toPosition(),
                batchEntries, acknowledgementTimeout);
        if (batch.isEmpty()) {
            // Positions up to the head are committed; none after one the replay still owes means the ledger is not
            // what it was when the replay was accepted, and a replay with a hole would mislead whoever reads it.
            throw new IllegalStateException("ledger positions after " + published + " are missing");
        }
        return batch.get(batch.size() - 1).position();
    }
}
