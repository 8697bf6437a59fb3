package dev.aispend.platform.ledger;

import dev.aispend.platform.kafka.BatchConsumerLoop;
import dev.aispend.platform.kafka.ConsumerLoopSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows ledger.v1 into one projection: its consumer loop, and the rebuild that sends it back to position 1.
 * Start, stop and rebuild are serialized, so a rebuild never races a shutdown or another rebuild.
 */
final class ProjectionFollower {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectionFollower.class);

    private final LedgerProjection projection;
    private final ConsumerLoopSettings settings;
    private final LedgerFollower handler;
    private final LedgerTransactions transactions;
    private volatile BatchConsumerLoop loop;
    private boolean stopped;

    ProjectionFollower(LedgerProjection projection, ConsumerLoopSettings settings, LedgerFollower handler,
                       LedgerTransactions transactions) {
        this.projection = projection;
        this.settings = settings;
        this.handler = handler;
        this.transactions = transactions;
    }

    String name() {
        return projection.name();
    }

    /** The running loop, or null before start and during a rebuild. */
    BatchConsumerLoop loop() {
        return loop;
    }

    synchronized void start() {
        if (stopped || loop != null) {
            return;
        }
        BatchConsumerLoop started = new BatchConsumerLoop(settings, handler);
        started.start();
        loop = started;
    }

    synchronized void stop() {
        stopped = true;
        closeLoop();
    }

    /**
     * Stops the loop; makes its consumer group forget its offsets; in one transaction deletes the projection's
     * rows and sets its checkpoint to 0; starts the loop again, which reads ledger.v1 from its first entry.
     * Other projections keep running. The loop is restarted even if a step failed, so a failed rebuild leaves
     * the projection following (from wherever its checkpoint is) rather than stopped.
     */
    synchronized void rebuild() {
        if (stopped) {
            throw new IllegalStateException("the service is stopping; " + name() + " is not rebuilt");
        }
        LOG.info("rebuilding projection {} from ledger position 1", name());
        closeLoop();
        try {
            ConsumerGroupOffsets.forget(settings.bootstrapServers(), settings.groupId(), settings.topics());
            transactions.inTransaction(connection -> {
                projection.reset(connection);
                LedgerCheckpoint.restartFromBeginning(connection, name());
                return null;
            });
        } finally {
            start();
        }
    }

    private void closeLoop() {
        BatchConsumerLoop running = loop;
        loop = null;
        if (running != null) {
            running.close();
        }
    }
}
