package dev.aispend.ledger.seal;

import dev.aispend.ledger.append.LedgerAppendSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Runs the {@link Checkpointer} on a thread of its own: after every {@code checkpointEveryEntries} appended
 * entries, or {@code checkpointEvery} after the last checkpoint when anything was appended since. Woken by the
 * intake's append signal; a failure is logged and retried on the next round, the ledger keeps appending.
 */
public final class CheckpointSchedule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointSchedule.class);
    private static final Duration ROUND = Duration.ofSeconds(1);

    private final Checkpointer checkpointer;
    private final SealConfiguration configuration;
    private final LedgerAppendSignal appendSignal;
    private final Clock clock = Clock.systemUTC();
    private final Instant startedAt = clock.instant();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile int consecutiveFailures;

    public CheckpointSchedule(Checkpointer checkpointer, SealConfiguration configuration,
                              LedgerAppendSignal appendSignal) {
        this.checkpointer = checkpointer;
        this.configuration = configuration;
        this.appendSignal = appendSignal;
        this.thread = new Thread(this::run, "ledger-checkpoints");
    }

    public void start() {
        thread.start();
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    private void run() {
        while (running) {
            long seenAppends = appendSignal.appendsSoFar();
            try {
                Checkpointer.Backlog backlog = checkpointer.backlog();
                if (due(backlog)) {
                    checkpointer.checkpointNow().ifPresent(checkpoint -> LOG.info(
                            "signed checkpoint {} at tree size {}", checkpoint.checkpointNumber(),
                            checkpoint.treeSize()));
                }
                consecutiveFailures = 0;
                appendSignal.awaitAppendAfter(seenAppends, ROUND);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException failure) {
                consecutiveFailures++;
                LOG.error("making a checkpoint failed ({} in a row)", consecutiveFailures, failure);
                pauseAfterFailure();
            }
        }
    }

    private boolean due(Checkpointer.Backlog backlog) {
        if (backlog.entries() <= 0) {
            return false;
        }
        if (backlog.entries() >= configuration.checkpointEveryEntries()) {
            return true;
        }
        // With no checkpoint yet, the interval counts from start-up.
        Instant last = backlog.lastIssuedAt() == null ? startedAt : Instant.parse(backlog.lastIssuedAt());
        return !clock.instant().isBefore(last.plus(configuration.checkpointEvery()));
    }

    private void pauseAfterFailure() {
        try {
            appendSignal.awaitAppendAfter(Long.MAX_VALUE, Duration.ofSeconds(Math.min(30, consecutiveFailures)));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        appendSignal.wakeUp();
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
